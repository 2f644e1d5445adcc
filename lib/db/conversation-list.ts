import { z } from 'zod';
import { parseRow } from './corrupt-row-error';
import type { PatchbayDatabase } from './database';

/**
 * A conversation as its list (the drawer) shows it: what it is called and when it was last
 * active. The same fields as `ConversationRowSchema` checks them, without its messages' parts
 * (replaced turns), so the first screen lists a page without building the message schemas.
 */
export const ConversationListItemSchema = z.object({ id: z.string(), title: z.string(), updatedAt: z.number() });
export type ConversationListItem = z.infer<typeof ConversationListItemSchema>;

/** Each row checked as a list item; a corrupt one throws `CorruptRowError`, which the drawer shows. */
export function parseListItems(rows: readonly unknown[]): ConversationListItem[] {
  return rows.map((row) => parseRow('conversations', ConversationListItemSchema, row));
}

/** One page of the list, newest first, through the `updatedAt` index. */
export async function recentConversationItems(db: PatchbayDatabase, limit: number): Promise<ConversationListItem[]> {
  return parseListItems(await db.conversations.orderBy('updatedAt').reverse().limit(limit).toArray());
}
