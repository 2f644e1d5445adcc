import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coalescedQuerier } from '@/components/connectors/coalesced-querier';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { ConnectorsRepository } from '@/lib/db/repositories/connectors-repository';
import { newConnectorRow } from '@/lib/mcp/connectors/save-connector';

let db: PatchbayDatabase;
let connectors: ConnectorsRepository;
let counter = 0;
const IDS = Array.from({ length: 20 }, (_, i) => `c${i}`);

beforeEach(async () => {
  db = await openDatabase(`patchbay-coalesce-${++counter}`);
  connectors = new ConnectorsRepository(db);
  for (const id of IDS) await connectors.put({ ...newConnectorRow(id, 1), label: id, url: `http://127.0.0.1:1/${id}` });
});
afterEach(() => db.close());

/** Subscribes, stores a burst of 20 tool lists, and counts the reads until the last one is seen. */
async function readsForBurst(querier: () => Promise<{ rows: { toolsFetchedAt: number | null }[] }>) {
  let reads = 0;
  let seenAll: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (seenAll = resolve));
  const counted = async () => {
    const survey = await querier();
    reads++;
    if (survey.rows.every((row) => row.toolsFetchedAt === 2)) seenAll();
    return survey;
  };
  let first: () => void = () => undefined;
  const subscribed = new Promise<void>((resolve) => (first = resolve));
  const subscription = liveQuery(counted).subscribe({ next: () => first() });
  await subscribed;
  const before = reads;
  // As a Refresh of every connector stores them: one write each, a few ms apart.
  for (const id of IDS) {
    await connectors.update(id, { toolsFetchedAt: 2 });
    await new Promise((resolve) => setTimeout(resolve, 3));
  }
  await done;
  subscription.unsubscribe();
  return reads - before;
}

describe('the Connectors screen’s live query under a burst of writes', () => {
  it('reads every row once per write without coalescing (the cost it removes)', async () => {
    expect(await readsForBurst(() => connectors.survey())).toBeGreaterThanOrEqual(15);
  });

  it('reads a few times for the whole burst, and still ends on the last write', async () => {
    expect(await readsForBurst(coalescedQuerier(() => connectors.survey()))).toBeLessThanOrEqual(5);
  });
});
