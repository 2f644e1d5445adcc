import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ServerRequestsRepository } from '@/lib/db/repositories/server-requests-repository';
import { DEFAULT_REQUEST_RETENTION, type RequestRetentionPolicy } from '@/lib/db/repositories/server-request-retention';
import { createServerRequests, type ServerRequests } from '@/lib/requests/create-server-requests';
import { startRequestFloodServer, type RequestFloodServer } from '../fixtures/mcp-servers/request-flood-server';
import { HubHarness, guard } from './connector-hub-harness';

const textOf = (result: CallToolResult) => result.content.map((block) => (block.type === 'text' ? block.text : '')).join('');

// A real SDK server over real HTTP floods Patchbay with requests from inside one hand run; the
// requests are stored, settled and audited one by one, and the retention keeps the table bounded
// (at a tenth of the default's count, so the flood stays cheap; the unit tests flood at full size).
const RETENTION: RequestRetentionPolicy = { ...DEFAULT_REQUEST_RETENTION, settledPerConnector: 20 };
describe('a server flooding Patchbay with requests', () => {
  let server: RequestFloodServer;
  let harness: HubHarness;
  let requests: ServerRequests;
  let id: string;

  beforeEach(async () => {
    server = await startRequestFloodServer();
    harness = await HubHarness.create(undefined, {
      serverRequests: (db) => {
        requests = createServerRequests(db, new ServerRequestsRepository(db), { openTab: async () => undefined, retention: RETENTION });
        return { serveRequests: requests.serveRequests, callsInFlight: requests.inFlight, urlElicitationRetry: requests.urlElicitationRetry };
      },
    });
    id = await harness.add('Flooder', server.url, 'streamable-http');
    await harness.hub.start();
    await harness.waitReady(id);
  });
  afterEach(async () => {
    await harness.close();
    await server.close();
  });

  const flood = (args: Record<string, unknown>) =>
    guard(harness.hub.callTool(id, 'flood_requests', args, { caller: { type: 'hand-run', callId: 'flood', toolName: 'flood_requests' } }), 25_000, 'the flood');

  it('150 requests declined at once leave the newest 20 stored, and every one in the audit', async () => {
    expect(JSON.parse(textOf(await flood({ count: 150, kind: 'refused' })))).toEqual({ decline: 150 });
    await requests.pruner.flush();
    const stored = await harness.db.serverRequests.where('connectorId').equals(id).toArray();
    expect(stored).toHaveLength(RETENTION.settledPerConnector);
    expect(stored.every((row) => row.status === 'done' && row.outcome === 'refused')).toBe(true);
    expect(await harness.db.audit.filter((row) => row.kind === 'server-request').count()).toBe(150);
  });

  it('requests that wait are kept while they wait, then pruned once the server gave up on them', async () => {
    const call = flood({ count: 60, batch: 60, kind: 'expiring', timeoutMs: 2_500 });
    const pending = () => harness.db.serverRequests.where('[status+receivedAt]').between(['pending', 0], ['pending', Infinity]).count();
    await expect.poll(pending, { timeout: 10_000 }).toBe(60);
    // A prune while they wait removes none of them.
    await requests.pruner.atWake(async () => true);
    expect(await pending()).toBe(60);
    expect(JSON.parse(textOf(await call))).toEqual({ failed: 60 });
    await expect.poll(async () => (await requests.pruner.idle(), harness.db.serverRequests.count()), { timeout: 10_000 }).toBe(RETENTION.settledPerConnector);
    expect(await pending()).toBe(0);
  });
});
