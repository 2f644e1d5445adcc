import { useEffect } from 'react';
import type { BackgroundLink } from '@/lib/messaging/background-link';
import { composerDraft } from './composer-draft';

/**
 * Marks an attached resource as changed when its server says it was updated, whichever screen is
 * open: the chip shows it, and Re-read fetches it again. Used once, by the panel's shell.
 */
export function useDraftResourceUpdates(link: BackgroundLink): void {
  useEffect(
    () =>
      link.onEvent((event) => {
        if (event.type === 'context-notice' && event.notice.kind === 'resource-updated') composerDraft.markChanged(event.connectorId, event.notice.uri);
      }),
    [link],
  );
}
