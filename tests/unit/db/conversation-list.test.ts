import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseListItems, recentConversationItems, type ConversationListItem } from '@/lib/db/conversation-list';
import { CorruptRowError } from '@/lib/db/corrupt-row-error';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { ConversationRowSchema, type ConversationRow } from '@/lib/db/rows';

let db: PatchbayDatabase;
let counter = 0;

beforeEach(async () => {
  db = await openDatabase(`patchbay-conversation-list-${++counter}`);
});
afterEach(() => db.close());

const conversation = (id: string, updatedAt: number) => ConversationRowSchema.parse({ id, title: `T ${id}`, connectorIds: [], model: null, createdAt: 0, updatedAt });
// A whole row is what the list narrows: every ConversationRow must still be a list item.
const narrows = (row: ConversationRow): ConversationListItem => row;

describe('the conversation list’s own reading of the rows', () => {
  it('reads a page newest first, with only what the list shows', async () => {
    await db.conversations.bulkAdd([conversation('a', 1), conversation('b', 3), conversation('c', 2)]);
    const page = await recentConversationItems(db, 2);
    expect(page).toEqual([
      { id: 'b', title: 'T b', updatedAt: 3 },
      { id: 'c', title: 'T c', updatedAt: 2 },
    ]);
    expect(narrows(conversation('x', 9)).id).toBe('x');
  });

  it('never lists a row whose title, id or time is damaged: it says which row is corrupt', async () => {
    for (const damaged of [{ title: 42 }, { updatedAt: 'today' }, { title: undefined }]) {
      expect(() => parseListItems([{ ...conversation('bad', 5), ...damaged }])).toThrow(CorruptRowError);
    }
    expect(() => parseListItems(['junk'])).toThrow(CorruptRowError);
    await db.conversations.bulkAdd([conversation('a', 1), { ...conversation('bad', 5), title: 42 } as never]);
    await expect(recentConversationItems(db, 10)).rejects.toThrow(/conversations row bad is malformed: title/);
  });

  it('gives plain values only: a hostile title stays text, extra stored fields are not carried', async () => {
    await db.conversations.add({ ...conversation('h', 1), title: '<img src=x onerror=alert(1)>', secret: 'x' } as never);
    const [item] = await recentConversationItems(db, 1);
    expect(item).toEqual({ id: 'h', title: '<img src=x onerror=alert(1)>', updatedAt: 1 });
  });
});
