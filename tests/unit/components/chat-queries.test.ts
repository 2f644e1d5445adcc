import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchConversations, recentConversations } from '@/components/chat/conversation-search';
import { MESSAGE_SCAN_LIMIT } from '@/components/chat/conversation-mentions';
import { lastSeq, pageBefore, readLastPage, readWindow } from '@/components/chat/message-window';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import type { MessageRow } from '@/lib/db/rows';

let db: PatchbayDatabase;
let counter = 0;

beforeEach(async () => {
  db = await openDatabase(`patchbay-chat-queries-${++counter}`);
});
afterEach(() => db.close());

async function conversation(id: string, title: string, updatedAt: number) {
  await db.conversations.add({ id, title, connectorIds: [], model: null, createdAt: updatedAt, updatedAt });
}

function message(conversationId: string, seq: number, text: string): MessageRow {
  const part = { id: `p${seq}`, type: 'text' as const, text, status: { type: 'complete' as const } };
  return { id: `${conversationId}-${seq}`, conversationId, seq, role: seq % 2 ? 'assistant' : 'user', parts: [part], createdAt: seq };
}

describe('conversation list', () => {
  it('pages newest first and finds titles and message text', async () => {
    await conversation('a', 'Weather in Paris', 1);
    await conversation('b', 'Shopping list', 2);
    await conversation('c', 'Untitled', 3);
    await db.messages.bulkAdd([message('c', 0, 'What is the WEATHER like?'), message('b', 0, 'milk')]);

    expect((await recentConversations(db, 2)).map((c) => c.id)).toEqual(['c', 'b']);
    expect((await searchConversations(db, 'weather', 10)).map((c) => c.id)).toEqual(['c', 'a']);
    expect((await searchConversations(db, 'MILK', 10)).map((c) => c.id)).toEqual(['b']);
    expect(await searchConversations(db, 'nothing', 10)).toEqual([]);
    expect((await searchConversations(db, '  ', 10)).map((c) => c.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('message text search', () => {
  it('reads the most recent conversations first and stops at its budget', async () => {
    await conversation('new', 'Busy', 2);
    await conversation('old', 'Quiet', 1);
    await db.messages.bulkAdd(Array.from({ length: MESSAGE_SCAN_LIMIT }, (_, seq) => message('new', seq, 'chatter')));
    await db.messages.bulkAdd([message('old', 0, 'the needle')]);
    expect(await searchConversations(db, 'needle', 10)).toEqual([]);
    expect((await searchConversations(db, 'chatter', 10)).map((c) => c.id)).toEqual(['new']);
  });
});

describe('message window', () => {
  it('starts at the last page and grows a page at a time towards the start', async () => {
    await conversation('x', 'Long', 1);
    await db.messages.bulkAdd(Array.from({ length: 450 }, (_, seq) => message('x', seq, `m${seq}`)));
    await db.messages.bulkAdd([message('y', 0, 'other')]);

    const last = await lastSeq(db, 'x');
    expect(last).toBe(449);
    const from = pageBefore(last! + 1, 200);
    expect(from).toBe(250);
    const window = await readWindow(db, 'x', from);
    expect(window.map((m) => m.seq)).toEqual(Array.from({ length: 200 }, (_, i) => 250 + i));
    expect(pageBefore(250, 200)).toBe(50);
    expect(pageBefore(50, 200)).toBe(0);
    expect(await lastSeq(db, 'empty')).toBeNull();
  });

  it('opens on the last page in one read: where it starts and its rows', async () => {
    await conversation('x', 'Long', 1);
    await db.messages.bulkAdd(Array.from({ length: 450 }, (_, seq) => message('x', seq, `m${seq}`)));
    await db.messages.bulkAdd([message('y', 0, 'other')]);
    const opening = await readLastPage(db, 'x');
    expect(opening.fromSeq).toBe(250);
    expect(opening.rows.map((m) => m.seq)).toEqual(Array.from({ length: 200 }, (_, i) => 250 + i));
    expect(await readLastPage(db, 'y')).toMatchObject({ fromSeq: 0, rows: [{ seq: 0 }] });
    expect(await readLastPage(db, 'empty')).toEqual({ fromSeq: 0, rows: [] });
  });
});
