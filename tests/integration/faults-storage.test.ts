import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ConversationStore } from '@/lib/chat/conversation-store';
import { RunEngine } from '@/lib/chat/run-engine';
import { PatchbayDatabase } from '@/lib/db/database';
import { DatabaseOpenError } from '@/lib/db/database-open-error';
import { openDatabase } from '@/lib/db/open-database';
import { LATEST_SCHEMA_VERSION } from '@/lib/db/schema-versions';
import { newConnectorRow } from '@/lib/mcp/connectors/save-connector';
import { createModelClient } from '@/lib/llm/model-client';
import { startModelServer, type ModelServer } from '../fixtures/model-server';

const KEY = 'sk-storage';
let model: ModelServer | undefined;
const open: PatchbayDatabase[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) db.close();
  await model?.close();
  model = undefined;
});

/** A database whose writes throw QuotaExceededError once `allowed()` says no, as a full disk does. */
async function fillingDatabase(name: string, allowed: () => boolean): Promise<PatchbayDatabase> {
  const db = new PatchbayDatabase(name);
  db.use({
    stack: 'dbcore',
    name: 'quota',
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        return {
          ...table,
          mutate: async (request) => {
            if (!allowed()) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            return table.mutate(request);
          },
        };
      },
    }),
  });
  await db.open();
  open.push(db);
  return db;
}

describe('storage faults', () => {
  it.each([1, 2, 3, 5, 8])('quota exceeded after %i writes of a run: the run rejects with QuotaExceededError, what was stored is intact, and the next run works', async (allowedWrites) => {
    const name = `patchbay-quota-${allowedWrites}-${Date.now()}`;
    let writesLeft = Number.POSITIVE_INFINITY;
    const db = await fillingDatabase(name, () => writesLeft-- > 0);
    await db.connectors.put({ ...newConnectorRow('conn-1', Date.now()), label: 'Files', url: 'http://127.0.0.1:1/mcp' });
    const store = new ConversationStore(db);
    const conversation = await store.conversations.create({ title: 't', connectorIds: [], model: null });
    model = await startModelServer({ apiKey: KEY, models: ['m1'] });
    const engine = new RunEngine({
      store,
      model: async () => createModelClient({ apiKey: KEY, baseUrl: model!.url, model: 'm1' }),
      callTool: async () => ({ content: [] }),
      flushIntervalMs: 0,
    });
    model.script([{ type: 'text', text: 'First answer, stored whole.' }]);
    await engine.begin(conversation.id, { type: 'send', text: 'first' }).done;
    const before = await store.history(conversation.id);

    // The disk fills part-way through the next run: its streamed answer can no longer be stored.
    writesLeft = allowedWrites;
    model.script([{ type: 'text', text: 'A long second answer that will not fit. '.repeat(50), delayMsPerChunk: 1 }]);
    const error = await engine.begin(conversation.id, { type: 'send', text: 'second' }).done.then(
      () => new Error('The run ended as if nothing had failed.'),
      (e: unknown) => e as Error,
    );
    expect(error).toMatchObject({ name: 'QuotaExceededError' });

    // Reopened without the fault: the first exchange is exactly as it was, and every row still parses.
    const reopened = await openDatabase(name);
    open.push(reopened);
    const reader = new ConversationStore(reopened);
    const after = await reader.history(conversation.id);
    expect(after.slice(0, before.length)).toEqual(before);

    // Space is back: the same engine takes the next message and answers it.
    writesLeft = Number.POSITIVE_INFINITY;
    model.script([{ type: 'text', text: 'Third answer.' }]);
    await engine.begin(conversation.id, { type: 'send', text: 'third' }).done;
    // (The answer is whichever scripted turn is next: an early failure never asked the model.)
    const history = await reader.history(conversation.id);
    expect(history.at(-2)).toMatchObject({ role: 'user', parts: [{ type: 'text', text: 'third' }] });
    expect(history.at(-1)).toMatchObject({ role: 'assistant', parts: [{ type: 'text', status: { type: 'complete' } }] });
  });
});

describe('a blocked upgrade', () => {
  it('another connection at an older version that will not close: a clear error, and its data is still there', async () => {
    const name = `patchbay-blocked-${Date.now()}`;
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, (LATEST_SCHEMA_VERSION - 1) * 10);
      request.onupgradeneeded = () => request.result.createObjectStore('conversations', { keyPath: 'id' }).put({ id: 'k', title: 'written by the old version' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    // An old page that ignores versionchange, as code without Dexie's handler does.
    old.onversionchange = () => undefined;
    const readKept = (db: IDBDatabase) =>
      new Promise<unknown>((resolve, reject) => {
        const request = db.transaction('conversations').objectStore('conversations').get('k');
        request.onsuccess = () => resolve((request.result as { title?: string } | undefined)?.title);
        request.onerror = () => reject(request.error);
      });

    const error = await openDatabase(name, { blockedGraceMs: 50 }).then(
      (db) => (db.close(), new Error('It opened while blocked.')),
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect(error).toMatchObject({ code: 'blocked', message: expect.stringMatching(/another Patchbay (page|tab|window)/i) });
    expect(await readKept(old)).toBe('written by the old version');

    // Once the old page goes, the upgrade runs and keeps what was there.
    old.close();
    const db = await openDatabase(name);
    open.push(db);
    expect(await readKept(db.backendDB())).toBe('written by the old version');
  });
});
