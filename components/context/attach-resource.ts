import { sendCommand } from '@/lib/messaging/command-client';
import { composerDraft } from '../chat/composer-draft';

/**
 * Reads a resource as attached context and adds it to the composer's draft (a re-read replaces
 * its chip); the background subscribes to its updates where the server offers that.
 */
export async function attachResource(connectorId: string, uri: string, name?: string): Promise<{ count: number; subscribed: boolean }> {
  const { attachments, subscribed } = await sendCommand('resources.attach', { connectorId, uri, ...(name ? { name } : {}) });
  for (const attachment of attachments) composerDraft.attach(attachment);
  return { count: attachments.length, subscribed };
}
