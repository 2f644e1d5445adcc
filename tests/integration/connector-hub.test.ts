import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startServerEverything, type RunningServer } from '../fixtures/mcp-servers/server-everything';
import { guard, HubHarness, waitFor } from './connector-hub-harness';

const textOf = (result: CallToolResult) => result.content.map((block) => (block.type === 'text' ? block.text : '')).join('');

// The real @modelcontextprotocol/server-everything, driven through the real ConnectorHub.
describe.each([
  { mode: 'streamableHttp', transport: 'streamable-http' },
  { mode: 'sse', transport: 'sse' },
] as const)('server-everything over $transport', ({ mode, transport }) => {
  let server: RunningServer;
  let harness: HubHarness;
  let id: string;

  beforeAll(async () => {
    server = await startServerEverything(mode);
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    harness = await HubHarness.create();
    id = await harness.add('Everything', server.url, transport);
    await harness.hub.start();
  });
  afterEach(() => harness.close());

  it('connects, lists and stores the tools with fingerprints, and echoes', async () => {
    expect(await harness.waitForState(id, 'connected')).toMatchObject({ transport });
    const row = await harness.waitReady(id);
    const names = row.tools.map((tool) => tool.name);
    expect(names).toEqual(expect.arrayContaining(['echo', 'get-sum', 'trigger-long-running-operation']));
    expect(Object.keys(row.toolFingerprints).sort()).toEqual([...names].sort());
    expect(Object.values(row.toolFingerprints).every((hash) => /^[0-9a-f]{64}$/.test(hash))).toBe(true);
    expect(row).toMatchObject({ transportUsed: transport, serverInfo: { name: expect.any(String) } });
    expect(row.protocolVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    if (transport === 'streamable-http') expect(row.sessionId).toEqual(expect.any(String));

    const result = await harness.hub.callTool(id, 'echo', { message: 'hello patchbay' }, {});
    expect(textOf(result)).toBe('Echo: hello patchbay');
    expect((await harness.wireOf(id)).some((event) => event.method === 'tools/call' && event.durationMs !== null)).toBe(true);
  });

  it('forwards progress from a long-running tool', async () => {
    await harness.waitReady(id);
    const progress: number[] = [];
    const result = await harness.hub.callTool(id, 'trigger-long-running-operation', { duration: 0.4, steps: 4 }, {
      onProgress: ({ progress: value, total }) => (expect(total).toBe(4), progress.push(value)),
    });
    expect(textOf(result)).toContain('Long running operation completed');
    // Over legacy SSE, a progress notification that arrives in the same chunk as the result is
    // dropped by the SDK (it handles notifications a microtask later than responses).
    if (transport === 'sse') expect([[1, 2, 3], [1, 2, 3, 4]]).toContainEqual(progress);
    else expect(progress).toEqual([1, 2, 3, 4]);
  });

  it('cancels a long-running call promptly and keeps serving', async () => {
    await harness.waitReady(id);
    const controller = new AbortController();
    const progress: number[] = [];
    const call = harness.hub.callTool(id, 'trigger-long-running-operation', { duration: 20, steps: 40 }, {
      signal: controller.signal,
      onProgress: ({ progress: value }) => progress.push(value),
    });
    await waitFor(() => progress.length > 0, 'the first progress notification');
    const cancelledAt = Date.now();
    controller.abort(new Error('Cancelled by the test.'));
    await expect(guard(call, 2_000, 'the cancelled call')).rejects.toThrow('Cancelled by the test.');
    expect(Date.now() - cancelledAt).toBeLessThan(1_000);
    await waitFor(() => harness.wire.get(id)?.some((event) => event.method === 'notifications/cancelled' && event.direction === 'out'), 'notifications/cancelled on the wire');

    const after = await harness.hub.callTool(id, 'echo', { message: 'still here' }, {});
    expect(textOf(after)).toBe('Echo: still here');
    expect(harness.latest(id)?.state).toBe('connected');
  });
});

describe('server-everything over legacy SSE, connector on auto', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServerEverything('sse');
  });
  afterAll(() => server.close());

  it('falls back from Streamable HTTP to SSE and remembers it', async () => {
    const harness = await HubHarness.create();
    try {
      const id = await harness.add('Legacy', server.url, 'auto');
      await harness.hub.start();
      expect(await harness.waitForState(id, 'connected')).toMatchObject({ transport: 'sse' });
      expect((await harness.waitReady(id)).transportUsed).toBe('sse');
      const posts = (await harness.wireOf(id)).filter((event) => event.method === 'HTTP POST');
      expect(posts[0]?.httpStatus).toBe(404);
      expect(textOf(await harness.hub.callTool(id, 'echo', { message: 'via auto' }, {}))).toBe('Echo: via auto');
    } finally {
      await harness.close();
    }
  });
});
