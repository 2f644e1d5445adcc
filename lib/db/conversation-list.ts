import { number, string } from '../contract/plain-checks';
import { asSchema, object, type ObjectOf } from '../contract/plain-object-checks';
import { parseRow } from './corrupt-row-error';
import type { PatchbayDatabase } from './database';

/**
 * A conversation as its list (the drawer) shows it: what it is called and when it was last
 * active. The same fields as `ConversationRowSchema` checks them, without its messages' parts
 * (replaced turns) and without zod, so the first screen lists a page before zod is loaded
 * (conversation-list.test.ts holds it to that schema's verdicts).
 */
const listItemShape = { id: string(), title: string(), updatedAt: number() };
export const ConversationListItemSchema = asSchema(object(listItemShape));
export type ConversationListItem = ObjectOf<typeof listItemShape>;

/** Each row checked as a list item; a corrupt one throws `CorruptRowError`, which the drawer shows. */
export function parseListItems(rows: readonly unknown[]): ConversationListItem[] {
  return rows.map((row) => parseRow('conversations', ConversationListItemSchema, row));
}

/** One page of the list, newest first, through the `updatedAt` index. */
export async function recentConversationItems(db: PatchbayDatabase, limit: number): Promise<ConversationListItem[]> {
  return parseListItems(await db.conversations.orderBy('updatedAt').reverse().limit(limit).toArray());
}
