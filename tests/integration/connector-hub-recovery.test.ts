import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ConnectorError } from '@/lib/mcp/session/connector-error';
import type { ConnectorStatus } from '@/lib/contract/connector-status';
import { reconnectDelay } from '@/lib/mcp/session/reconnect-delay';
import { startMisbehavingServer, type MisbehavingServer } from '../fixtures/mcp-servers/misbehaving-server';
import { HubHarness, waitFor } from './connector-hub-harness';

const textOf = (result: CallToolResult) => result.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
/** The real backoff's decisions (retry or wait for the user), with waits short enough for a test. */
const shortDelay: typeof reconnectDelay = (code, attempt) => (reconnectDelay(code, attempt) === null ? null : 50);

// A server that goes away while connected: the connector must say so and come back by itself.
describe('a connected server that goes away', () => {
  let server: MisbehavingServer;
  let harness: HubHarness;
  let id: string;

  beforeEach(async () => {
    server = await startMisbehavingServer();
    harness = await HubHarness.create(undefined, { reconnectDelay: shortDelay });
    id = await harness.add('Flaky', server.url, 'streamable-http');
    await harness.hub.start();
    await harness.waitReady(id);
  });
  afterEach(async () => {
    await harness.close();
    await server.close();
  });

  /** Statuses reported after the `mark`-th. */
  const since = (mark: number): ConnectorStatus[] => harness.statuses.get(id)!.slice(mark);

  it('closed: the call fails clearly, the status is error with a retry time, and it reconnects when the server is back', async () => {
    const port = Number(new URL(server.url).port);
    await server.close();
    const mark = harness.statuses.get(id)!.length;

    const error = await harness.hub.callTool(id, 'echo', { message: 'lost' }, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ code: 'unreachable', message: expect.stringContaining('Could not reach') });
    expect(since(mark)[0]).toMatchObject({ state: 'error', code: 'unreachable', retryAt: expect.any(Number) });

    server = await startMisbehavingServer({ port });
    await waitFor(() => since(mark).some((s) => s.state === 'connected'), 'the connector to reconnect by itself');
    expect(server.requests.some((r) => r.rpc.some((rpc) => rpc.method === 'initialize'))).toBe(true);
    const row = await harness.waitForRow(id, (r) => r.tools.length > 0, 'the tools to be listed');
    expect(row.tools.map((t) => t.name)).toContain('echo');
    expect(textOf(await harness.hub.callTool(id, 'echo', { message: 'back' }, {}))).toBe('Echo: back');
  });

  it('a 5xx ends the connection too; it comes back by itself', async () => {
    const mark = harness.statuses.get(id)!.length;
    server.failNextPost(502);
    const error = await harness.hub.callTool(id, 'echo', { message: 'x' }, {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'http-error', httpStatus: 502 });
    expect(since(mark)[0]).toMatchObject({ state: 'error', code: 'http-error', retryAt: expect.any(Number) });
    await waitFor(() => since(mark).some((s) => s.state === 'connected'), 'the connector to reconnect by itself');
  });

  it('a timeout, a tool’s error result or a cancel fails only the call', async () => {
    await harness.connectors.update(id, { timeoutMs: 300 });
    await harness.hub.reconnect(id);
    await harness.waitForState(id, 'connected');
    const mark = harness.statuses.get(id)!.length;

    await expect(harness.hub.callTool(id, 'slow', { steps: 1, stepMs: 2_000 }, {})).rejects.toMatchObject({ code: -32001 });
    await expect(harness.hub.callTool(id, 'no_such_tool', {}, {})).resolves.toMatchObject({ isError: true });
    const controller = new AbortController();
    const cancelled = harness.hub.callTool(id, 'slow', { steps: 100, stepMs: 100 }, { signal: controller.signal, onProgress: () => controller.abort(new Error('Stop.')) });
    await expect(cancelled).rejects.toThrow('Stop.');
    expect(since(mark)).toEqual([]);
  });
});

describe('a standalone GET stream that cannot be reopened', () => {
  it('when the SDK gives up on it, the connector shows error with a retry time, then comes back', async () => {
    const server = await startMisbehavingServer();
    // The first GET stream ends at once, asking for retries 10 ms apart; every retry finds nothing.
    let gets = 0;
    let breakGets = true;
    const fetchLike: FetchLike = async (url, init) => {
      if ((init?.method ?? 'GET') !== 'GET' || !breakGets) return fetch(url, init);
      gets += 1;
      if (gets === 1) return new Response('retry: 10\n\n', { headers: { 'content-type': 'text/event-stream' } });
      throw new TypeError('fetch failed');
    };
    const harness = await HubHarness.create(fetchLike, { reconnectDelay: shortDelay });
    try {
      const id = await harness.add('Streamless', server.url, 'streamable-http');
      await harness.hub.start();
      await harness.waitForState(id, 'connected');
      const status = await harness.waitForState(id, 'error');
      expect(status).toMatchObject({ code: 'unreachable', reason: expect.stringContaining('Maximum reconnection attempts'), retryAt: expect.any(Number) });
      expect(gets).toBeGreaterThan(5);
      breakGets = false;
      await harness.waitForState(id, 'connected');
    } finally {
      await harness.close();
      await server.close();
    }
  });
});
