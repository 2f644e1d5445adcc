import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerEverything, type RunningServer } from '../fixtures/mcp-servers/server-everything';
import { HubHarness, waitFor } from './connector-hub-harness';
import { refreshAllTools } from '@/lib/background/refresh-all-tools';

let first: RunningServer;
let second: RunningServer;
let harness: HubHarness;
let ids: { first: string; second: string; gone: string };

beforeAll(async () => {
  [first, second] = await Promise.all([startServerEverything('streamableHttp'), startServerEverything('streamableHttp')]);
  harness = await HubHarness.create();
  ids = {
    first: await harness.add('First', first.url, 'streamable-http'),
    second: await harness.add('Second', second.url, 'streamable-http'),
    // Nothing listens here: it never connects, so Refresh all leaves it to its own card.
    gone: await harness.add('Gone', 'http://127.0.0.1:9/mcp', 'streamable-http'),
  };
  await harness.hub.start();
  await Promise.all([harness.waitReady(ids.first), harness.waitReady(ids.second)]);
});
afterAll(async () => {
  await harness?.close();
  await Promise.all([first?.close(), second?.close()]);
});

describe('Refresh all against two real servers and one that is not there', () => {
  it('fetches every connected list again at once and skips the connector that is not connected', async () => {
    const before = await Promise.all([harness.row(ids.first), harness.row(ids.second)]);
    const outcome = await refreshAllTools(harness.hub);
    expect(outcome).toEqual({ refreshed: 2, failed: [], skipped: 1 });
    const after = await Promise.all([harness.row(ids.first), harness.row(ids.second)]);
    after.forEach((row, index) => expect(row.toolsFetchedAt).toBeGreaterThan(before[index]!.toolsFetchedAt!));
    expect((await harness.row(ids.gone)).toolsFetchedAt).toBeNull();
  });

  it('names a connector whose refresh fails and still stores the others', async () => {
    await second.close();
    const before = await harness.row(ids.first);
    const outcome = await waitFor(async () => {
      const result = await refreshAllTools(harness.hub);
      return result.failed.length > 0 || result.skipped === 2 ? result : undefined;
    }, 'the closed server to fail or drop out');
    expect(outcome.refreshed).toBe(1);
    for (const failure of outcome.failed) expect(failure).toEqual({ id: ids.second, message: expect.any(String) });
    expect((await harness.row(ids.first)).toolsFetchedAt).toBeGreaterThan(before.toolsFetchedAt!);
  });
});
