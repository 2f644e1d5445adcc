import { sendCommand } from '@/lib/messaging/command-client';
import { composerDraft } from './composer-draft';

/**
 * Removes a chip from the draft; the last chip of a resource also ends its subscription, so the
 * server stops telling Patchbay about something nobody is going to send. An unsubscribe that
 * fails changes nothing the user needs to know about: the chip is gone either way.
 */
export function removeAttachment(id: string): void {
  const removed = composerDraft.snapshot.attachments.find((item) => item.context.id === id)?.context.source;
  composerDraft.remove(id);
  if (removed?.kind !== 'resource') return;
  const stillAttached = composerDraft.snapshot.attachments.some(({ context: { source } }) => source.kind === 'resource' && source.connectorId === removed.connectorId && source.uri === removed.uri);
  if (!stillAttached) void sendCommand('resources.unsubscribe', { connectorId: removed.connectorId, uri: removed.uri }).catch(() => undefined);
}
