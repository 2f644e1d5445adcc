import { useEffect, useState } from 'react';
import type { LinkStatus } from '@/lib/messaging/background-link';

/** How long the background may be starting or reconnecting before the panel says so. */
export const TROUBLE_AFTER_MS = 1500;

/**
 * True once the link has been other than `connected` for `TROUBLE_AFTER_MS`: a worker waking up
 * takes a moment, and a bar that flashes at every open says nothing useful.
 */
export function useLinkTrouble(status: LinkStatus): boolean {
  const [trouble, setTrouble] = useState(false);
  useEffect(() => {
    if (status === 'connected') return setTrouble(false);
    const timer = setTimeout(() => setTrouble(true), TROUBLE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [status]);
  return trouble && status !== 'connected';
}
