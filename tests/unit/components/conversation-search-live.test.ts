import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchConversations } from '@/components/chat/conversation-search';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';

let db: PatchbayDatabase;
let counter = 0;

beforeEach(async () => {
  db = await openDatabase(`patchbay-search-live-${++counter}`);
});
afterEach(() => db.close());

const conversation = (id: string, title: string, updatedAt: number) => ({ id, title, connectorIds: [], model: null, createdAt: updatedAt, updatedAt });
const message = (conversationId: string, seq: number, text: string) => ({
  id: `${conversationId}-${seq}`,
  conversationId,
  seq,
  role: 'user' as const,
  parts: [{ id: `p${seq}`, type: 'text' as const, text, status: { type: 'complete' as const } }],
  createdAt: seq,
});

describe('a live search by message text (its scan loaded with the first search)', () => {
  it('follows the messages read after the scan module loaded: a new mention shows up, a removed one goes', async () => {
    await db.conversations.bulkAdd([conversation('a', 'Shopping', 1), conversation('b', 'Weather', 2)]);
    await db.messages.bulkAdd([message('a', 0, 'buy milk'), message('b', 0, 'rain tomorrow')]);
    let latest: string[] | undefined;
    const subscription = liveQuery(() => searchConversations(db, 'lettuce', 10)).subscribe({ next: (rows) => void (latest = rows.map((row) => row.id)) });
    try {
      await expect.poll(() => latest).toEqual([]);
      await db.messages.add(message('b', 1, 'and some lettuce'));
      await expect.poll(() => latest).toEqual(['b']);
      await db.messages.delete('b-1');
      await expect.poll(() => latest).toEqual([]);
    } finally {
      subscription.unsubscribe();
    }
  });
});
