import { useState } from 'react';
import { errorText } from '../ui/error-text';

/** Runs one of a connector's actions, tracking which is busy and what failed. */
export function useConnectorAction() {
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function run(name: string, action: () => Promise<unknown>): Promise<void> {
    setBusy(name);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(`${name} failed: ${errorText(error)}`);
    } finally {
      setBusy(null);
    }
  }

  return { busy, failure, run };
}
