import { useSyncExternalStore } from 'react';
import type { BackgroundLink, LinkState } from '@/lib/messaging/background-link';

/** The link's status for rendering; `session` changes on every reconnect. */
export function useLinkState(link: BackgroundLink): LinkState {
  return useSyncExternalStore(
    (onChange) => link.onState(onChange),
    () => link.snapshot,
    // Server rendering (the component tests) sees the link as it is now, like the first client render.
    () => link.snapshot,
  );
}
