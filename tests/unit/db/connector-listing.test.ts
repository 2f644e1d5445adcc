import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { connectorChoices, connectorEntry, connectorLabels, connectorListing, type ConnectorEntry } from '@/lib/db/repositories/connector-listing';
import { ConnectorsRepository } from '@/lib/db/repositories/connectors-repository';
import { newConnectorRow } from '@/lib/mcp/connectors/save-connector';

let db: PatchbayDatabase;
let connectors: ConnectorsRepository;
let counter = 0;
const IDS = Array.from({ length: 20 }, (_, i) => `c${String(i).padStart(2, '0')}`);

beforeEach(async () => {
  db = await openDatabase(`patchbay-listing-${++counter}`);
  connectors = new ConnectorsRepository(db);
  for (const id of IDS) await connectors.put({ ...newConnectorRow(id, 1), label: `Label ${id}`, url: `http://127.0.0.1:1/${id}` });
});
afterEach(() => db.close());

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('the Connectors screen’s reads', () => {
  it('list by label from the indexes, rows without a usable label last, and each row on its own, quarantined if damaged', async () => {
    await db.connectors.put({ ...newConnectorRow('zz', 1), label: 'A first', url: 'http://127.0.0.1:1/zz' });
    await db.connectors.put({ ...newConnectorRow('bad', 1), label: { not: 'a key' }, url: 'not a url' } as never);
    const listing = await connectorListing(db);
    expect(listing.keys).toEqual(['zz', ...IDS, 'bad']);
    expect(await connectorLabels(db)).toEqual(['A first', ...IDS.map((id) => `Label ${id}`)]);
    expect(await connectorEntry(db, 'zz')).toMatchObject({ type: 'row', row: { id: 'zz', label: 'A first' } });
    const bad = (await connectorEntry(db, 'bad')) as Extract<ConnectorEntry, { type: 'corrupt' }>;
    expect(bad.type).toBe('corrupt');
    expect(bad.entry).toMatchObject({ id: 'bad', label: null });
    expect(bad.entry.message).toMatch(/url/);
    expect(await connectorEntry(db, 'gone')).toBeNull();
  });

  it('give a picker each labelled connector’s id with its own label, by label, without reading a row', async () => {
    await db.connectors.put({ ...newConnectorRow('zz', 1), label: 'A first', url: 'http://127.0.0.1:1/zz' });
    await db.connectors.put({ ...newConnectorRow('bad', 1), label: { not: 'a key' }, url: 'not a url' } as never);
    const reads = [vi.spyOn(db.connectors, 'toArray'), vi.spyOn(db.connectors, 'get')];
    try {
      expect(await connectorChoices(db)).toEqual([{ id: 'zz', label: 'A first' }, ...IDS.map((id) => ({ id, label: `Label ${id}` }))]);
      for (const read of reads) expect(read).not.toHaveBeenCalled();
    } finally {
      for (const read of reads) read.mockRestore();
    }
  });

  it('list without walking a cursor, since the list is read again at every write to the table', async () => {
    const cursors = [IDBIndex.prototype, IDBObjectStore.prototype].flatMap((proto) => [vi.spyOn(proto, 'openCursor'), vi.spyOn(proto, 'openKeyCursor')]);
    try {
      expect((await connectorListing(db)).keys).toEqual(IDS);
      for (const cursor of cursors) expect(cursor).not.toHaveBeenCalled();
    } finally {
      cursors.forEach((cursor) => cursor.mockRestore());
    }
  });

  it('storing one connector’s tools re-reads that connector’s row alone, whatever the others do', async () => {
    const reads = new Map<string, number>();
    const latest = new Map<string, ConnectorEntry | null>();
    const subscriptions = IDS.map((id) =>
      liveQuery(async () => {
        reads.set(id, (reads.get(id) ?? 0) + 1);
        return connectorEntry(db, id);
      }).subscribe({ next: (entry) => latest.set(id, entry) }),
    );
    try {
      await expect.poll(() => latest.size).toBe(IDS.length);
      const before = new Map(reads);
      // As a Refresh of every connector stores them: one write each, a few ms apart.
      for (const id of IDS) await connectors.update(id, { toolsFetchedAt: 2 });
      await expect.poll(() => IDS.every((id) => (latest.get(id) as Extract<ConnectorEntry, { type: 'row' }>).row.toolsFetchedAt === 2)).toBe(true);
      await settle();
      for (const id of IDS) expect(reads.get(id)! - before.get(id)!, id).toBe(1);
      await connectors.update('c05', { label: 'Renamed' });
      await settle();
      expect(reads.get('c05')! - before.get('c05')!).toBe(2);
      expect(reads.get('c06')! - before.get('c06')!).toBe(1);
    } finally {
      subscriptions.forEach((subscription) => subscription.unsubscribe());
    }
  });
});
