import { useEffect, useState } from 'react';
import { usePanelServices } from '../app/panel-services';

/** The latest progress the server reported for a call, as the port delivers it. */
export interface CallProgressView {
  progress: number;
  total?: number;
  message?: string;
}

/**
 * Follows one running call's progress on the panel's port. Progress is never stored: a panel
 * opened mid-call shows the bar from the next notification on.
 */
export function useCallProgress(callId: string, running: boolean): CallProgressView | null {
  const { link } = usePanelServices();
  const [progress, setProgress] = useState<CallProgressView | null>(null);
  useEffect(() => {
    if (!running) return;
    return link.onEvent((event) => {
      if (event.type !== 'tool-progress' || event.callId !== callId) return;
      const { progress: value, total, message } = event;
      setProgress({ progress: value, total, message });
    });
  }, [link, callId, running]);
  return running ? progress : null;
}

/** "3 of 10 · Reading files": what the bar means, in words beside it. */
export function progressText({ progress, total, message }: CallProgressView): string {
  const amount = total !== undefined && total > 0 ? `${progress} of ${total}` : `${progress}`;
  return message ? `${amount} · ${message}` : amount;
}
