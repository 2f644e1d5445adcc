import { afterEach, describe, expect, it } from 'vitest';
import type { ServerRequestRow, ServerRequestStatus } from '@/lib/contract/server-request';
import { PatchbayDatabase } from '@/lib/db/database';
import { ConnectorsRepository } from '@/lib/db/repositories/connectors-repository';
import { ConversationsRepository } from '@/lib/db/repositories/conversations-repository';
import { ServerRequestRetention, type RequestRetentionPolicy } from '@/lib/db/repositories/server-request-retention';
import { openRequestsWithoutConversation, requestsOfConversation } from '@/lib/db/server-request-queries';
import { RequestPruner } from '@/lib/requests/request-pruner';
import { watchReads, type TableReads } from './table-read-watch';

const DAY = 24 * 60 * 60 * 1_000;
const NOW = 1_000 * DAY;
let db: PatchbayDatabase | undefined;
let reads: TableReads = { fullScans: [], rowReads: [] };
afterEach(() => db?.close());

async function freshDb(): Promise<PatchbayDatabase> {
  db = new PatchbayDatabase(`patchbay-retention-${crypto.randomUUID()}`);
  reads = watchReads(db, 'serverRequests');
  await db.open();
  return db;
}

const tiny: RequestRetentionPolicy = { settledPerConnector: 3, maxAgeMs: 10 * DAY, settledPerConversation: 5 };

let seq = 0;
function request(over: Partial<ServerRequestRow> & { status?: ServerRequestStatus } = {}): ServerRequestRow {
  seq += 1;
  const status = over.status ?? 'done';
  return {
    id: `r${String(seq).padStart(6, '0')}`, connectorId: 'c1', connectorLabel: 'Asker', kind: 'elicitation-form', params: { message: 'Name?' },
    origin: { type: 'hand-run', callId: 'h1' }, conversationId: null, unfamiliar: false, receivedAt: NOW - seq, status,
    ...(status === 'done' ? { outcome: 'expired' as const, answeredAt: NOW } : {}), ...over,
  };
}

async function conversation(d: PatchbayDatabase, title = 'kept'): Promise<string> {
  return (await new ConversationsRepository(d).create({ title, connectorIds: ['c1'], model: null })).id;
}

const ids = async (d: PatchbayDatabase) => (await d.serverRequests.toCollection().primaryKeys()).sort();

describe('retention of server requests', () => {
  it('a pending request survives any prune, however old and however many settled ones crowd it', async () => {
    const d = await freshDb();
    const open = (['pending', 'sampling', 'review'] as const).map((status) => request({ status, receivedAt: 1 }));
    const chat = await conversation(d);
    const inChat = request({ status: 'pending', conversationId: chat, origin: { type: 'chat-call', conversationId: chat, callId: 'k' }, receivedAt: 1 });
    await d.serverRequests.bulkAdd([...open, inChat, ...Array.from({ length: 20 }, () => request()), ...Array.from({ length: 20 }, () => request({ conversationId: chat }))]);
    const retention = new ServerRequestRetention(d, { settledPerConnector: 0, maxAgeMs: 0, settledPerConversation: 0 });
    await retention.pruneConnector('c1', NOW);
    await retention.pruneConversation(chat);
    await new RequestPruner(retention).atWake(async () => true);
    expect(await ids(d)).toEqual([...open, inChat].map((row) => row.id).sort());
    expect(reads.fullScans).toEqual([]);
  });

  it('keeps the newest settled rows per connector and drops old ones, leaving other connectors alone', async () => {
    const d = await freshDb();
    const rows = Array.from({ length: 6 }, () => request());
    const aged = request({ receivedAt: NOW - 11 * DAY });
    const other = Array.from({ length: 5 }, () => request({ connectorId: 'c2' }));
    await d.serverRequests.bulkAdd([...rows, aged, ...other]);
    const retention = new ServerRequestRetention(d, tiny);
    reads.rowReads.length = 0;
    expect(await retention.pruneConnector('c1', NOW)).toBe(4);
    // From index keys alone: not one row was read to decide.
    expect(reads.rowReads).toEqual([]);
    // rows[0] is the newest (receivedAt falls with seq).
    expect(await ids(d)).toEqual([...rows.slice(0, 3), ...other].map((row) => row.id).sort());
    // Under the count, an old row still goes.
    await d.serverRequests.add(request({ receivedAt: NOW - 20 * DAY, connectorId: 'c2' }));
    await retention.pruneConnector('c2', NOW);
    expect(await d.serverRequests.where('connectorId').equals('c2').count()).toBe(3);
    expect(reads.fullScans).toEqual([]);
  });

  it('a request on a stored conversation survives the connector’s cap and its age; one of a conversation gone does not', async () => {
    const d = await freshDb();
    const chat = await conversation(d);
    const shown = Array.from({ length: 4 }, () => request({ conversationId: chat, origin: { type: 'chat-call', conversationId: chat, callId: 'k1' }, receivedAt: NOW - 400 * DAY }));
    const gone = request({ conversationId: 'deleted-long-ago', origin: { type: 'none', conversationId: 'deleted-long-ago' } });
    const handRuns = Array.from({ length: 5 }, () => request());
    await d.serverRequests.bulkAdd([...shown, gone, ...handRuns]);
    reads.rowReads.length = 0;
    await new ServerRequestRetention(d, tiny).pruneConnector('c1', NOW);
    expect(reads.rowReads).toEqual([]);
    expect(await ids(d)).toEqual([...shown, ...handRuns.slice(0, 3)].map((row) => row.id).sort());
    expect((await requestsOfConversation(d, chat)).map((row) => row.id).sort()).toEqual(shown.map((row) => row.id).sort());
  });

  it('bounds a conversation flooded with requests to its newest settled ones, open ones kept', async () => {
    const d = await freshDb();
    const chat = await conversation(d);
    const inChat = (over: Partial<ServerRequestRow> = {}) => request({ conversationId: chat, origin: { type: 'chat-call', conversationId: chat, callId: 'k1' }, ...over });
    const flood = Array.from({ length: 40 }, () => inChat());
    const waiting = inChat({ status: 'pending' });
    await d.serverRequests.bulkAdd([...flood, waiting]);
    expect(await new ServerRequestRetention(d, tiny).pruneConversation(chat)).toBe(35);
    expect(await ids(d)).toEqual([...flood.slice(0, 5), waiting].map((row) => row.id).sort());
  });

  it('deleting a conversation deletes its settled requests in the same transaction, and moves an open one to the top of the Chat tab', async () => {
    const d = await freshDb();
    const chat = await conversation(d);
    const other = await conversation(d, 'other');
    const settled = request({ conversationId: chat, origin: { type: 'chat-call', conversationId: chat, callId: 'k1' } });
    const open = request({ status: 'pending', conversationId: chat, origin: { type: 'chat-call', conversationId: chat, callId: 'k1' } });
    const elsewhere = request({ conversationId: other, origin: { type: 'none', conversationId: other } });
    await d.serverRequests.bulkAdd([settled, open, elsewhere]);
    await d.audit.add({ at: 1, kind: 'server-request', conversationId: chat, connectorId: 'c1', toolName: 'ask', detail: { requestId: settled.id } });
    await new ConversationsRepository(d).delete(chat);
    expect(await ids(d)).toEqual([open.id, elsewhere.id].sort());
    expect(await d.serverRequests.get(open.id)).toMatchObject({ status: 'pending', conversationId: null, origin: { type: 'none', conversationId: null } });
    expect((await openRequestsWithoutConversation(d)).map((row) => row.id)).toEqual([open.id]);
    // The decision's record stays.
    expect(await d.audit.count()).toBe(1);
  });

  it('a deletion that fails leaves the conversation and its requests as they were', async () => {
    const d = await freshDb();
    const chat = await conversation(d);
    const settled = request({ conversationId: chat });
    await d.serverRequests.add(settled);
    d.conversations.hook('deleting', () => {
      throw new Error('disk gone');
    });
    await expect(new ConversationsRepository(d).delete(chat)).rejects.toThrow('disk gone');
    expect(await d.serverRequests.get(settled.id)).toBeDefined();
  });

  it('connector removal deletes its rows, open and settled, and only its own; the audit stays', async () => {
    const d = await freshDb();
    const chat = await conversation(d);
    const own = [request(), request({ status: 'pending' }), request({ conversationId: chat })];
    const neighbour = request({ connectorId: 'c2' });
    await d.serverRequests.bulkAdd([...own, neighbour]);
    await d.audit.add({ at: 1, kind: 'server-request', conversationId: '', connectorId: 'c1', toolName: 'ask', detail: {} });
    await new ConnectorsRepository(d).remove('c1');
    expect(await ids(d)).toEqual([neighbour.id]);
    expect(await d.audit.count()).toBe(1);
  });

  it('at wake, rows of a connector that no longer exists go and the others are pruned', async () => {
    const d = await freshDb();
    await d.serverRequests.bulkAdd([...Array.from({ length: 5 }, () => request()), request({ connectorId: 'removed' }), request({ connectorId: 'removed', status: 'pending' })]);
    await new RequestPruner(new ServerRequestRetention(d, tiny), { now: () => NOW }).atWake(async (id) => id === 'c1');
    expect(await d.serverRequests.where('connectorId').equals('c1').count()).toBe(3);
    expect(await d.serverRequests.where('connectorId').equals('removed').count()).toBe(0);
    expect(reads.fullScans).toEqual([]);
    // The watch is not blind: a whole-table read is seen.
    await d.serverRequests.toArray();
    expect(reads.fullScans).toHaveLength(1);
    expect(reads.rowReads.at(-1)).toBe('query over the primary key');
  });
});
