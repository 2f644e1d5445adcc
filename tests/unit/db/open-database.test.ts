import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError } from '@/lib/db/database-open-error';
import { openDatabase } from '@/lib/db/open-database';
import { createRepositories } from '@/lib/db/repositories';
import { LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS } from '@/lib/db/schema-versions';

let counter = 0;
const freshName = () => `patchbay-test-${++counter}`;
const opened: Dexie[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

/** Creates a raw IndexedDB database at a given native version with the given stores. */
function createRaw(name: string, nativeVersion: number, stores: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, nativeVersion);
    request.onupgradeneeded = () => stores.forEach((store) => request.result.createObjectStore(store));
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

describe('openDatabase', () => {
  it('creates every table of the latest schema', async () => {
    const db = await openDatabase(freshName());
    opened.push(db);
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual([...new Set(SCHEMA_VERSIONS.flatMap((step) => Object.keys(step.stores)))].sort());
  });

  it('opens a database written at version 1 and keeps its rows (the migration path)', async () => {
    const name = freshName();
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
    await v1.table('conversations').add({ id: 'c1', title: 'kept', connectorIds: [], model: null, createdAt: 1, updatedAt: 1 });
    await v1.table('connectors').add({
      id: 'k1', label: 'Old', url: 'http://localhost:1/mcp', transport: 'auto', auth: 'none', enabledTools: ['echo'],
      tools: [], toolsFetchedAt: null, toolFingerprints: {}, sessionId: 's', protocolVersion: '2025-06-18', createdAt: 1, updatedAt: 1,
    });
    v1.close();
    const db = await openDatabase(name);
    opened.push(db);
    expect((await db.conversations.get('c1'))?.title).toBe('kept');
    // Version 2 filled in what version 1 rows lacked, so they parse as current rows.
    const connector = await createRepositories(db).connectors.get('k1');
    expect(connector).toMatchObject({ label: 'Old', enabledTools: ['echo'], timeoutMs: 120_000, omitOrigin: false, transportUsed: null, toolChanges: null });
  });

  it('refuses a database from a newer schema that lacks our tables', async () => {
    // Dexie patches a newer database that has other tables; an empty one it leaves to us.
    const name = freshName();
    await createRaw(name, (LATEST_SCHEMA_VERSION + 5) * 10, []);
    const error = await openDatabase(name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).code).toBe('newer-version');
    expect((error as DatabaseOpenError).detail).toContain('connectors');
  });

  it('calls a same-version database without our tables corrupt', async () => {
    const name = freshName();
    await createRaw(name, LATEST_SCHEMA_VERSION * 10, ['connectors']);
    await expect(openDatabase(name)).rejects.toMatchObject({ code: 'corrupt' });
  });
});

describe('DatabaseOpenError.from', () => {
  it('maps the browser failures to advice', () => {
    const named = (name: string) => Object.assign(new Error('x'), { name });
    expect(DatabaseOpenError.from(named('QuotaExceededError')).code).toBe('quota');
    expect(DatabaseOpenError.from(Object.assign(new Error('open failed'), { name: 'OpenFailedError', inner: named('QuotaExceededError') })).code).toBe('quota');
    expect(DatabaseOpenError.from(named('VersionError')).code).toBe('newer-version');
    expect(DatabaseOpenError.from(named('MissingAPIError')).code).toBe('unavailable');
    expect(DatabaseOpenError.from(named('UnknownError')).code).toBe('corrupt');
    expect(DatabaseOpenError.from('weird').message).toMatch(/could not be read/);
  });
});
