import { useCallback, useState } from 'react';
import { errorText } from '../ui/error-text';

/** Runs one command at a time for a screen, keeping its failure as text to show (never thrown). */
export function useEvalCommand(): { busy: boolean; error: string | null; run(action: () => Promise<unknown>): Promise<boolean>; clear(): void } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (failure) {
      setError(errorText(failure));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, clear: () => setError(null) };
}
