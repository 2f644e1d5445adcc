import { useCallback, useState } from 'react';
import { errorText } from '../ui/error-text';

/** Runs chat commands one at a time per view, keeping what failed in words for the user. */
export function useChatAction() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const run = useCallback(async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setFailure(null);
    try {
      return await action();
    } catch (error) {
      setFailure(errorText(error));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);

  const clearFailure = useCallback(() => setFailure(null), []);
  return { busy, failure, run, clearFailure, fail: setFailure };
}
