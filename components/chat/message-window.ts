import type { PatchbayDatabase } from '@/lib/db/database';
import { MessagesRepository } from '@/lib/db/repositories/messages-repository';
import type { MessageRow } from '@/lib/db/rows';

/** Messages read per page; enough to fill several screens, small enough to paint at once. */
export const MESSAGE_PAGE = 200;

/** The seq of the conversation's last message (one step on the index), or `null` when it has none. */
export function lastSeq(db: PatchbayDatabase, conversationId: string): Promise<number | null> {
  return new MessagesRepository(db).lastSeq(conversationId);
}

/**
 * Where the window starts when it grows by a page: seqs are dense (only a retried answer leaves a
 * gap), so a page is `size` seqs, read forward in one `getAll` rather than a backward cursor.
 */
export function pageBefore(fromSeq: number, size: number): number {
  return Math.max(0, fromSeq - size);
}

/** The window a conversation opens with: its last page, and the seq that page starts at. */
export interface OpeningWindow {
  fromSeq: number;
  rows: MessageRow[];
}

/**
 * The last page in one read transaction (where the page starts, then the page), so opening a
 * conversation waits on one query rather than two in turn.
 */
export function readLastPage(db: PatchbayDatabase, conversationId: string, size = MESSAGE_PAGE): Promise<OpeningWindow> {
  return db.transaction('r', db.messages, async () => {
    const last = await lastSeq(db, conversationId);
    const fromSeq = last === null ? 0 : pageBefore(last + 1, size);
    return { fromSeq, rows: last === null ? [] : await readWindow(db, conversationId, fromSeq) };
  });
}

/** Every message from `fromSeq` to the end, in order: the live window the list shows. */
export function readWindow(db: PatchbayDatabase, conversationId: string, fromSeq: number): Promise<MessageRow[]> {
  return new MessagesRepository(db).from(conversationId, fromSeq);
}

/**
 * Virtuoso's `firstItemIndex` after the list changed: it must drop by exactly the number of items
 * put before the previous first one, so prepending a page keeps the view where it was.
 */
export function nextFirstItemIndex(previousIndex: number, previousFirstId: string | undefined, ids: readonly string[]): number {
  if (previousFirstId === undefined) return previousIndex;
  const at = ids.indexOf(previousFirstId);
  return at > 0 ? previousIndex - at : previousIndex;
}

