import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/lib/db/open-database';
import { ServerRequestRetention } from '@/lib/db/repositories/server-request-retention';
import { SCHEMA_VERSIONS } from '@/lib/db/schema-versions';

const opened: Dexie[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

/** A database exactly as version 4 left it: every step up to and including 4, with their upgrades. */
function atVersion4(name: string): Dexie {
  const db = new Dexie(name);
  for (const step of SCHEMA_VERSIONS.filter((s) => s.version <= 4)) {
    const declared = db.version(step.version).stores(step.stores);
    if (step.upgrade) declared.upgrade(step.upgrade);
  }
  return db;
}

const base = { connectorLabel: 'Asker', kind: 'elicitation-form', params: { message: 'Name?' }, unfamiliar: false, receivedAt: 5 };
const done = { status: 'done', outcome: 'accepted', answeredAt: 6 };

describe('schema version 5 (server request retention)', () => {
  it('upgrades a version 4 database: keeps every live row, drops settled orphans, rehomes an open one, and serves the new indexes', async () => {
    const name = `patchbay-v5-${crypto.randomUUID()}`;
    const v4 = atVersion4(name);
    await v4.table('conversations').add({ id: 'kept-chat', title: 'kept', connectorIds: ['k1'], model: null, createdAt: 1, updatedAt: 1 });
    await v4.table('connectors').add({ id: 'k1', label: 'Asker' });
    await v4.table('serverRequests').bulkAdd([
      { ...base, ...done, id: 'in-chat', connectorId: 'k1', conversationId: 'kept-chat', origin: { type: 'chat-call', conversationId: 'kept-chat', callId: 'x' } },
      { ...base, ...done, id: 'hand-run', connectorId: 'k1', conversationId: null, origin: { type: 'hand-run', callId: 'h' } },
      { ...base, ...done, id: 'chat-deleted', connectorId: 'k1', conversationId: 'deleted-chat', origin: { type: 'chat-call', conversationId: 'deleted-chat', callId: 'y' } },
      { ...base, ...done, id: 'connector-removed', connectorId: 'removed', conversationId: null, origin: { type: 'hand-run', callId: 'h' } },
      { ...base, status: 'pending', id: 'open-in-deleted-chat', connectorId: 'k1', conversationId: 'deleted-chat', origin: { type: 'chat-call', conversationId: 'deleted-chat', callId: 'y' } },
    ]);
    await v4.table('audit').add({ at: 6, kind: 'server-request', conversationId: 'deleted-chat', connectorId: 'k1', toolName: 'ask', detail: { requestId: 'chat-deleted' } });
    v4.close();

    const db = await openDatabase(name);
    opened.push(db);
    expect(db.verno).toBeGreaterThanOrEqual(5);
    expect((await db.serverRequests.toCollection().primaryKeys()).sort()).toEqual(['hand-run', 'in-chat', 'open-in-deleted-chat']);
    expect(await db.serverRequests.get('open-in-deleted-chat')).toMatchObject({ status: 'pending', conversationId: null, origin: { type: 'none', conversationId: null } });
    expect(await db.audit.count()).toBe(1);
    const settledOfK1 = await db.serverRequests.where('[connectorId+status+receivedAt]').between(['k1', 'done', Dexie.minKey], ['k1', 'done', Dexie.maxKey]).primaryKeys();
    expect(settledOfK1.sort()).toEqual(['hand-run', 'in-chat']);
    expect(await db.serverRequests.where('[connectorId+status+conversationId]').between(['k1', 'done', Dexie.minKey], ['k1', 'done', Dexie.maxKey]).primaryKeys()).toEqual(['in-chat']);
    expect(await db.serverRequests.where('[conversationId+status+receivedAt]').between(['kept-chat', 'done', Dexie.minKey], ['kept-chat', 'done', Dexie.maxKey]).count()).toBe(1);
    // And the retention runs over the upgraded rows.
    await new ServerRequestRetention(db, { settledPerConnector: 0, maxAgeMs: 1, settledPerConversation: 0 }).pruneConversation('kept-chat');
    expect(await db.serverRequests.get('in-chat')).toBeUndefined();
  });
});
