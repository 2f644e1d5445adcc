import { liveQuery } from 'dexie';
import type { PatchbayDatabase } from '@/lib/db/database';
import type { ConversationListItem } from '@/lib/db/conversation-list';
import { CONVERSATION_PAGE, recentConversations } from './conversation-search';

let newest: { db: PatchbayDatabase; rows: ConversationListItem[] } | null = null;

/**
 * Keeps the drawer's first page read, live, from the moment the database is open, so opening the
 * drawer shows the list in that frame instead of one read later. The rows are the repository's
 * (each parsed); a read that fails (a corrupt row) clears the page, and the drawer's own query,
 * which replaces this as soon as it answers, shows what is wrong as it always did. Settles (never
 * rejects) once the first answer is in.
 */
export function keepNewestConversations(db: PatchbayDatabase): Promise<void> {
  return new Promise((settle) => {
    liveQuery(() => recentConversations(db, CONVERSATION_PAGE)).subscribe({
      next: (rows) => settle(void (newest = { db, rows })),
      error: () => settle(void (newest = null)),
    });
  });
}

/** The first page kept for `db`, or `undefined` before it was read (or when it could not be). */
export function newestConversations(db: PatchbayDatabase): ConversationListItem[] | undefined {
  return newest?.db === db ? newest.rows : undefined;
}
