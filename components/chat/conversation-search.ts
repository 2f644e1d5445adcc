import Dexie from 'dexie';
import type { PatchbayDatabase } from '@/lib/db/database';
import { parseListItems, recentConversationItems, type ConversationListItem } from '@/lib/db/conversation-list';

/** Conversations per page of the list. */
export const CONVERSATION_PAGE = 30;

/** The newest `limit` conversations, through the `updatedAt` index. */
export function recentConversations(db: PatchbayDatabase, limit: number): Promise<ConversationListItem[]> {
  return recentConversationItems(db, limit);
}

/**
 * Conversations whose title contains `query`, then those with a message that does (a bounded scan,
 * see `conversation-mentions.ts`, loaded with the first search), newest first, at most `limit`.
 */
export async function searchConversations(db: PatchbayDatabase, query: string, limit: number): Promise<ConversationListItem[]> {
  const needle = query.trim().toLowerCase();
  if (!needle) return recentConversations(db, limit);
  const byTitle = parseListItems(
    await db.conversations
      .orderBy('updatedAt')
      .reverse()
      .filter((row) => row.title.toLowerCase().includes(needle))
      .limit(limit)
      .toArray(),
  );
  if (byTitle.length >= limit) return byTitle;
  // Dexie.waitFor: a live query's reads after a non-Dexie await would otherwise go unobserved.
  const { conversationsMentioning } = await Dexie.waitFor(import('./conversation-mentions'));
  const extraIds = await conversationsMentioning(db, needle, new Set(byTitle.map((row) => row.id)), limit - byTitle.length);
  const extra = parseListItems((await db.conversations.bulkGet(extraIds)).filter((row) => row !== undefined));
  return [...byTitle, ...extra].sort((a, b) => b.updatedAt - a.updatedAt).slice(0, limit);
}
