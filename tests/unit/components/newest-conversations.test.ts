import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONVERSATION_PAGE } from '@/components/chat/conversation-search';
import { keepNewestConversations, newestConversations } from '@/components/chat/newest-conversations';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';

let db: PatchbayDatabase;
let counter = 0;

beforeEach(async () => {
  db = await openDatabase(`patchbay-newest-conversations-${++counter}`);
});
afterEach(() => db.close());

const conversation = (id: string, updatedAt: number) => ({ id, title: `T ${id}`, connectorIds: [], model: null, createdAt: updatedAt, updatedAt });

describe('the drawer’s first page, kept from the moment the database opens', () => {
  it('is the newest page, follows writes, and never holds a corrupt row', async () => {
    await db.conversations.bulkAdd(Array.from({ length: CONVERSATION_PAGE + 5 }, (_, i) => conversation(`c${i}`, i)));
    expect(newestConversations(db)).toBeUndefined();
    keepNewestConversations(db);
    await expect.poll(() => newestConversations(db)?.[0]?.id).toBe(`c${CONVERSATION_PAGE + 4}`);
    expect(newestConversations(db)).toHaveLength(CONVERSATION_PAGE);

    await db.conversations.add(conversation('fresh', 1_000));
    await expect.poll(() => newestConversations(db)?.[0]?.id).toBe('fresh');

    await db.conversations.put({ ...conversation('bad', 2_000), title: 42 } as never);
    await expect.poll(() => newestConversations(db)).toBeUndefined();
    await db.conversations.delete('bad');
    await expect.poll(() => newestConversations(db)?.[0]?.id).toBe('fresh');
  });

  it('is not handed to another database', async () => {
    await db.conversations.add(conversation('a', 1));
    keepNewestConversations(db);
    await expect.poll(() => newestConversations(db)?.length).toBe(1);
    const other = await openDatabase(`patchbay-newest-other-${counter}`);
    expect(newestConversations(other)).toBeUndefined();
    other.close();
  });
});
