import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveConnector } from '@/lib/mcp/connectors/save-connector';
import { startFloodServer, type FloodServer } from '../fixtures/mcp-servers/flood-server';
import { guard, HubHarness, waitFor } from './connector-hub-harness';

// A real MCP server that floods its client: bursts of list_changed, progress that never ends.
describe('a connector under a flood', () => {
  let server: FloodServer;
  let harness: HubHarness;

  beforeEach(async () => {
    server = await startFloodServer();
    harness = await HubHarness.create();
  });
  afterEach(async () => {
    await harness.close();
    await server.close();
  });

  async function connect(totalTimeoutSeconds?: number): Promise<string> {
    const saved = await saveConnector(
      { label: 'Flood', url: server.url, transport: 'streamable-http', auth: 'none', timeoutSeconds: 1, omitOrigin: false, totalTimeoutSeconds },
      harness.connectors,
      harness.secrets,
    );
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    await harness.hub.start();
    await harness.waitReady(saved.id);
    return saved.id;
  }

  it('50 tools/list_changed in a burst cost one tools/list, plus one to follow the refresh in flight', async () => {
    const id = await connect();
    await waitFor(() => server.toolsListAnswered() >= 1 && server.toolsListRequests() === server.toolsListAnswered(), 'the first tool list');
    const before = server.toolsListRequests();
    server.hold();
    await harness.hub.callTool(id, 'announce_changes', { count: 50 }, {});
    // One refresh is in flight (held at the server); the other 49 notifications only mark one to follow.
    await waitFor(() => server.toolsListRequests() > before, 'a refresh to start');
    const fetchedAt = (await harness.row(id)).toolsFetchedAt!;
    server.release();
    await waitFor(() => server.toolsListAnswered() >= before + 2, 'the follow-up refresh to be answered');
    await harness.waitForRow(id, (row) => row.toolsFetchedAt! > fetchedAt, 'the refreshed tool list to be stored');
    // The follow-up was stored after its answer; nothing else is pending now.
    await waitFor(() => server.toolsListRequests() === server.toolsListAnswered(), 'every tools/list to be answered');
    expect(server.toolsListRequests() - before).toBe(2);
  });

  it('a call whose progress keeps resetting its timeout still ends at the total deadline, and is cancelled', async () => {
    const id = await connect(2);
    const started = Date.now();
    const call = harness.hub.callTool(id, 'progress_forever', { intervalMs: 50 }, { onProgress: () => undefined });
    const error = await guard(call.then(() => null, (e: unknown) => e), 15_000, 'the never-ending call');
    const elapsed = Date.now() - started;
    expect(error).toMatchObject({ name: 'ToolCallDeadlineError', code: 'total-deadline' });
    expect(String((error as Error).message)).toMatch(/2 s in total/);
    // Progress kept it alive past the 1 s per-call timeout, and the deadline ended it near 2 s.
    expect(elapsed).toBeGreaterThanOrEqual(1_900);
    expect(elapsed).toBeLessThan(6_000);
    await waitFor(() => server.progressCancellations() === 1, 'the server to be told the call was cancelled');
    expect(harness.latest(id)).toMatchObject({ state: 'connected' });
  });
});
