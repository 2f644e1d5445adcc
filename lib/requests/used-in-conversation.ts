import Dexie from 'dexie';
import type { PatchbayDatabase } from '../db/database';

/**
 * Whether any message of the conversation holds a tool call to the connector. Read from the
 * newest message back (a call is usually recent), and only when a server asks something, which is rare.
 */
export function usedInConversation(db: PatchbayDatabase) {
  return async (conversationId: string, connectorId: string): Promise<boolean> => {
    const messages = db.messages.where('[conversationId+seq]').between([conversationId, Dexie.minKey], [conversationId, Dexie.maxKey]).reverse();
    const hit = await messages
      .filter((row) => Array.isArray(row.parts) && row.parts.some((part) => part.type === 'tool-call' && (part as { connectorId?: unknown }).connectorId === connectorId))
      .first();
    return hit !== undefined;
  };
}
