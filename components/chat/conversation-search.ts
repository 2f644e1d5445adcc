import { parseRow } from '@/lib/db/corrupt-row-error';
import type { PatchbayDatabase } from '@/lib/db/database';
import { ConversationsRepository } from '@/lib/db/repositories/conversations-repository';
import { MessagesRepository } from '@/lib/db/repositories/messages-repository';
import { ConversationRowSchema, type ConversationRow, type MessageRow } from '@/lib/db/rows';

/** Conversations per page of the list. */
export const CONVERSATION_PAGE = 30;
/** Messages a text search reads at most, so a search never walks a huge history. */
export const MESSAGE_SCAN_LIMIT = 5_000;

function parseAll(rows: unknown[]): ConversationRow[] {
  return rows.map((row) => parseRow('conversations', ConversationRowSchema, row));
}

/** The newest `limit` conversations, through the `updatedAt` index. */
export function recentConversations(db: PatchbayDatabase, limit: number): Promise<ConversationRow[]> {
  return new ConversationsRepository(db).listRecent(limit);
}

/** Whether a message's text (or reasoning) contains `needle`, which is already lower-case. */
export function messageMentions(message: Pick<MessageRow, 'parts'>, needle: string): boolean {
  return message.parts.some((part) => (part.type === 'text' || part.type === 'reasoning') && part.text.toLowerCase().includes(needle));
}

/**
 * Conversations whose title contains `query`, then those with a message that does (a bounded scan:
 * at most {@link MESSAGE_SCAN_LIMIT} messages, most recent conversations first), newest first, at most `limit`.
 */
export async function searchConversations(db: PatchbayDatabase, query: string, limit: number): Promise<ConversationRow[]> {
  const needle = query.trim().toLowerCase();
  if (!needle) return recentConversations(db, limit);
  const byTitle = parseAll(
    await db.conversations
      .orderBy('updatedAt')
      .reverse()
      .filter((row) => row.title.toLowerCase().includes(needle))
      .limit(limit)
      .toArray(),
  );
  if (byTitle.length >= limit) return byTitle;
  const extraIds = await conversationsMentioning(db, needle, new Set(byTitle.map((row) => row.id)), limit - byTitle.length);
  const extra = parseAll((await db.conversations.bulkGet(extraIds)).filter((row) => row !== undefined));
  return [...byTitle, ...extra].sort((a, b) => b.updatedAt - a.updatedAt).slice(0, limit);
}

/**
 * Ids of conversations, most recent first, with a message that mentions `needle`. Reads each
 * conversation's messages through its index until {@link MESSAGE_SCAN_LIMIT} messages are read.
 */
async function conversationsMentioning(db: PatchbayDatabase, needle: string, skip: ReadonlySet<string>, want: number): Promise<string[]> {
  const found: string[] = [];
  let budget = MESSAGE_SCAN_LIMIT;
  const messagesOf = new MessagesRepository(db);
  const ids = (await db.conversations.orderBy('updatedAt').reverse().primaryKeys()) as string[];
  for (const id of ids) {
    if (budget <= 0 || found.length >= want) break;
    if (skip.has(id)) continue;
    const messages = await messagesOf.scan(id, budget);
    budget -= messages.length;
    if (messages.some((message) => messageMentions(message, needle))) found.push(id);
  }
  return found;
}
