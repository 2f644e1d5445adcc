import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATABASE_NAME } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { LATEST_SCHEMA_VERSION } from '@/lib/db/schema-versions';

/** public/database-warmup.js, run as the panel's <head> runs it (a classic script). */
const warmup = readFileSync('public/database-warmup.js', 'utf8');
const runWarmup = () => new Function(warmup)();

/** Opens `patchbay` raw at `version` (none: as it is), queued behind any earlier request, and says what it found. */
function rawOpen(version?: number): Promise<{ oldVersion: number | null; blocked: boolean; version: number }> {
  return new Promise((resolve, reject) => {
    let oldVersion: number | null = null;
    let blocked = false;
    const request = version === undefined ? indexedDB.open(DATABASE_NAME) : indexedDB.open(DATABASE_NAME, version);
    request.onupgradeneeded = (event) => (oldVersion = event.oldVersion);
    request.onblocked = () => (blocked = true);
    request.onsuccess = () => {
      const { version: opened } = request.result;
      request.result.close();
      resolve({ oldVersion, blocked, version: opened });
    };
    request.onerror = () => reject(request.error);
  });
}

function deleteAll(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DATABASE_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

describe('the database warm-up in the panel’s head', () => {
  it('opens the database the app opens', () => {
    expect(warmup).toContain(`indexedDB.open('${DATABASE_NAME}')`);
  });

  it('does not create a database that does not exist: the app creates it, at its own schema', async () => {
    await deleteAll();
    runWarmup();
    // Queued behind the warm-up's request: it finds no database, so the warm-up left none.
    expect((await rawOpen()).oldVersion).toBe(0);
    await deleteAll();
    runWarmup();
    const db = await openDatabase(DATABASE_NAME, { blockedGraceMs: 200 });
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    expect(db.tables.map((table) => table.name)).toContain('conversations');
    db.close();
  });

  it('leaves a stored database as it was and never blocks the app’s open or an upgrade', async () => {
    await deleteAll();
    const db = await openDatabase(DATABASE_NAME);
    await db.conversations.add({ id: 'c1', title: 'Kept', connectorIds: [], model: null, createdAt: 1, updatedAt: 1 });
    db.close();
    runWarmup();
    const again = await openDatabase(DATABASE_NAME, { blockedGraceMs: 200 });
    expect((await again.conversations.get('c1'))?.title).toBe('Kept');
    const version = again.backendDB().version;
    again.close();
    runWarmup();
    const upgraded = await rawOpen(version + 1);
    expect(upgraded).toMatchObject({ blocked: false, oldVersion: version, version: version + 1 });
    await deleteAll();
  });
});
