import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REQUEST_RETENTION, type RequestRetentionPolicy } from '@/lib/db/repositories/server-request-retention';
import { textOf, useFloodWorld } from './flood-world';

// A real SDK server over real HTTP floods Patchbay with requests from inside one hand run; the
// requests are stored, settled and audited one by one, and the retention keeps the table bounded
// (at a tenth of the default's count, so the flood stays cheap; the unit tests flood at full size).
const RETENTION: RequestRetentionPolicy = { ...DEFAULT_REQUEST_RETENTION, settledPerConnector: 20 };
describe('a server flooding Patchbay with requests', () => {
  const world = useFloodWorld(RETENTION);
  const flood = (args: Record<string, unknown>) => world.flood(args, 25_000);

  it('150 requests declined at once leave the newest 20 stored, and every one in the audit', async () => {
    expect(JSON.parse(textOf(await flood({ count: 150, kind: 'refused' })))).toEqual({ decline: 150 });
    await world.requests.pruner.flush();
    const stored = await world.harness.db.serverRequests.where('connectorId').equals(world.id).toArray();
    expect(stored).toHaveLength(RETENTION.settledPerConnector);
    expect(stored.every((row) => row.status === 'done' && row.outcome === 'refused')).toBe(true);
    expect(await world.harness.db.audit.filter((row) => row.kind === 'server-request').count()).toBe(150);
  });

  it('requests that wait are kept while they wait, then pruned once the server gave up on them', async () => {
    const call = flood({ count: 60, batch: 60, kind: 'expiring', timeoutMs: 2_500 });
    const pending = () => world.harness.db.serverRequests.where('[status+receivedAt]').between(['pending', 0], ['pending', Infinity]).count();
    await expect.poll(pending, { timeout: 10_000 }).toBe(60);
    // A prune while they wait removes none of them.
    await world.requests.pruner.atWake(async () => true);
    expect(await pending()).toBe(60);
    expect(JSON.parse(textOf(await call))).toEqual({ failed: 60 });
    await expect.poll(async () => (await world.requests.pruner.idle(), world.harness.db.serverRequests.count()), { timeout: 10_000 }).toBe(RETENTION.settledPerConnector);
    expect(await pending()).toBe(0);
  });
});
