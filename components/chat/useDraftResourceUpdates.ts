import { useEffect } from 'react';
import type { BackgroundLink } from '@/lib/messaging/background-link';
import { sendCommand } from '@/lib/messaging/command-client';
import { composerDraft } from './composer-draft';

/**
 * Keeps attached resources' chips current, whichever screen is open: marks one changed when its
 * server says it was updated, and subscribes again when its connector connects anew (a new session,
 * after a restart of the server or the worker, has no subscriptions). Used once, by the panel's shell.
 */
export function useDraftResourceUpdates(link: BackgroundLink): void {
  // A restarted worker (a new port session) has new sessions with every server.
  useEffect(() => {
    let session = link.snapshot.session;
    return link.onState((state) => {
      if (state.status !== 'connected' || state.session === session) return;
      session = state.session;
      for (const connectorId of new Set(composerDraft.snapshot.attachments.flatMap(({ context: { source } }) => (source.kind === 'resource' ? [source.connectorId] : [])))) resubscribe(connectorId);
    });
  }, [link]);
  useEffect(
    () =>
      link.onEvent((event) => {
        if (event.type === 'context-notice' && event.notice.kind === 'resource-updated') composerDraft.markChanged(event.connectorId, event.notice.uri);
        if (event.type === 'connector-status' && event.status.state === 'connected') resubscribe(event.connectorId);
      }),
    [link],
  );
}

function resubscribe(connectorId: string): void {
  const uris = new Set(composerDraft.snapshot.attachments.flatMap(({ context: { source } }) => (source.kind === 'resource' && source.connectorId === connectorId ? [source.uri] : [])));
  for (const uri of uris) void sendCommand('resources.subscribe', { connectorId, uri }).catch(() => undefined);
}
