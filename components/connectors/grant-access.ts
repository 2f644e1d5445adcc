import { ensureHostPermission } from '@/components/browser/host-permissions';
import { sendCommand, type MessageSend } from '@/lib/messaging/command-client';

/**
 * "Grant access" on a connector in `permission-needed`: asks for its origin again and, if the user
 * agrees, reconnects it. Call it synchronously inside the click: the prompt is requested before any
 * await, since browsers show it only from a user gesture. Resolves whether access was granted.
 */
export function grantAccess(url: string, id: string, send?: MessageSend): Promise<boolean> {
  const granted = ensureHostPermission(url);
  return (async () => {
    if (!(await granted)) return false;
    await sendCommand('connectors.reconnect', { id }, send);
    return true;
  })();
}
