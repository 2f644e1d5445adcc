import { useState } from 'react';
import type { SamplingAnswer } from '@/lib/contract/sampling-answer';
import { sendCommand } from '@/lib/messaging/command-client';
import { errorText } from '../ui/error-text';

/** Sends one answer to a sampling card; busy while it travels, and the refusal in words if any. */
export function useSamplingAnswer(id: string) {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  async function answer(value: SamplingAnswer) {
    setBusy(true);
    setRefusal(null);
    try {
      await sendCommand('serverRequests.answer', { id, answer: value });
    } catch (error) {
      setRefusal(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return { busy, refusal, answer };
}
