import { listChatConnectors, type ChatConnector } from '@/lib/db/chat-connectors';
import type { PatchbayDatabase } from '@/lib/db/database';

let early: { db: PatchbayDatabase; rows: ChatConnector[] } | null = null;

/**
 * Reads the chat's connectors once, as soon as the database is open (beside the drawer's first
 * page), so the Chat screen's first render already has them and shows the Message box, instead
 * of rendering without them and reading them from its live query's first effect. The live query
 * replaces this with its own answer. Never rejects: a failed read leaves nothing kept, and the
 * live query reads (and reports) as it always did.
 */
export async function readChatConnectorsEarly(db: PatchbayDatabase): Promise<void> {
  try {
    early = { db, rows: await listChatConnectors(db) };
  } catch {
    early = null;
  }
}

/** The connectors read for `db` at open, or `undefined` when there are none kept. */
export function earlyChatConnectors(db: PatchbayDatabase): ChatConnector[] | undefined {
  return early?.db === db ? early.rows : undefined;
}
