import type { PatchbayDatabase } from '@/lib/db/database';
import { MessagesRepository } from '@/lib/db/repositories/messages-repository';
import type { MessageRow } from '@/lib/db/rows';

/** Messages a text search reads at most, so a search never walks a huge history. */
export const MESSAGE_SCAN_LIMIT = 5_000;

/** Whether a message's text (or reasoning) contains `needle`, which is already lower-case. */
export function messageMentions(message: Pick<MessageRow, 'parts'>, needle: string): boolean {
  return message.parts.some((part) => (part.type === 'text' || part.type === 'reasoning') && part.text.toLowerCase().includes(needle));
}

/**
 * Ids of conversations, most recent first, with a message that mentions `needle`. Reads each
 * conversation's messages through its index until {@link MESSAGE_SCAN_LIMIT} messages are read.
 * Its own module, loaded by the first search: the message schemas stay off the first screen.
 */
export async function conversationsMentioning(db: PatchbayDatabase, needle: string, skip: ReadonlySet<string>, want: number): Promise<string[]> {
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
