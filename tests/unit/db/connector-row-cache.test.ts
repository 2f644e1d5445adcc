import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { connectorRowCache } from '@/lib/db/repositories/connector-row-cache';
import { ConnectorsRepository } from '@/lib/db/repositories/connectors-repository';
import { newConnectorRow } from '@/lib/mcp/connectors/save-connector';

let db: PatchbayDatabase;
let connectors: ConnectorsRepository;
let counter = 0;

beforeEach(async () => {
  db = await openDatabase(`patchbay-row-cache-${++counter}`);
  connectors = new ConnectorsRepository(db, connectorRowCache(db));
  await connectors.put({ ...newConnectorRow('a', 1), label: 'Alpha', url: 'http://127.0.0.1:1/mcp' });
});
afterEach(() => db.close());

describe('a connector row read for every tool call', () => {
  it('is read from IndexedDB once, then from memory, by every repository over the database', async () => {
    const reads = vi.spyOn(db.connectors, 'get');
    const first = await connectors.get('a');
    const again = await new ConnectorsRepository(db, connectorRowCache(db)).get('a');
    expect(again).toBe(first);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('is read again after the repository writes it, by put, update, updateWith and remove', async () => {
    await connectors.get('a');
    await connectors.update('a', { label: 'Renamed' });
    expect((await connectors.get('a'))?.label).toBe('Renamed');
    await connectors.updateWith('a', (current) => ({ label: `${current.label} twice` }));
    expect((await connectors.get('a'))?.label).toBe('Renamed twice');
    await connectors.put({ ...(await connectors.get('a'))!, label: 'Put' });
    expect((await connectors.get('a'))?.label).toBe('Put');
    await connectors.remove('a');
    expect(await connectors.get('a')).toBeUndefined();
  });

  it('is read again after a write that bypasses the repository (another page, a direct table write)', async () => {
    const cached = (await connectors.get('a'))!;
    await db.connectors.put({ ...cached, label: 'Written directly' });
    expect((await connectors.get('a'))?.label).toBe('Written directly');
    await db.connectors.delete('a');
    expect(await connectors.get('a')).toBeUndefined();
    await db.connectors.add({ ...cached, label: 'Back' });
    expect((await connectors.get('a'))?.label).toBe('Back');
  });

  it('is always read from IndexedDB without the cache (a live query observes only the reads it makes)', async () => {
    const plain = new ConnectorsRepository(db);
    const reads = vi.spyOn(db.connectors, 'get');
    await plain.get('a');
    await plain.get('a');
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('is not cached from a read that a write overtook', async () => {
    const stale = connectors.get('a');
    const write = connectors.update('a', { label: 'Newer' });
    await Promise.all([stale, write]);
    expect((await connectors.get('a'))?.label).toBe('Newer');
  });
});
