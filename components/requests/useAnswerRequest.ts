import { useState } from 'react';
import { sendCommand } from '@/lib/messaging/command-client';
import { errorText } from '../ui/error-text';

/**
 * Sends the person's answer to one request; while it is on its way the card's buttons wait, and
 * a refusal (an answer that does not fit, a request that ended meanwhile) is kept to show.
 */
export function useAnswerRequest(id: string) {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  async function answer(value: Record<string, unknown>): Promise<boolean> {
    setBusy(true);
    setRefusal(null);
    try {
      await sendCommand('serverRequests.answer', { id, answer: value });
      return true;
    } catch (error) {
      setRefusal(errorText(error));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, refusal, answer };
}
