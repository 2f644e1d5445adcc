import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startMisbehavingServer, type MisbehavingServer, type RecordedRequest } from '../fixtures/mcp-servers/misbehaving-server';
import { guard, HubHarness, waitFor } from './connector-hub-harness';

const textOf = (result: CallToolResult) => result.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
const carries = (method: string, toolName?: string) => (r: RecordedRequest) =>
  r.rpc.some((rpc) => rpc.method === method && (toolName === undefined || rpc.toolName === toolName));

// Resuming a session after the worker restarted, against a stateful Streamable HTTP server.
describe('sessions across a worker restart', () => {
  let server: MisbehavingServer;
  let harness: HubHarness;
  let id: string;
  const initializes = () => server.requests.filter(carries('initialize')).length;

  beforeEach(async () => {
    server = await startMisbehavingServer();
    harness = await HubHarness.create();
    id = await harness.add('Stateful', server.url, 'auto');
  });
  afterEach(async () => {
    await harness.close();
    await server.close();
  });

  it('a restarted worker resumes the stored session without initializing again', async () => {
    await harness.hub.start();
    const { sessionId, protocolVersion, capabilities } = await harness.waitReady(id);
    expect(sessionId).toEqual(expect.any(String));
    expect(protocolVersion).toEqual(expect.any(String));
    expect(capabilities).toHaveProperty('tools');
    await harness.close();

    const restarted = harness.restarted();
    try {
      await restarted.hub.start();
      await restarted.waitForState(id, 'connected');
      expect(textOf(await restarted.hub.callTool(id, 'echo', { message: 'resumed' }, {}))).toBe('Echo: resumed');
      expect(initializes()).toBe(1);
      const resumedPing = server.requests.find(carries('ping'));
      expect(resumedPing).toMatchObject({ sessionId, status: 200, headers: { 'mcp-protocol-version': protocolVersion } });
      expect((await restarted.row(id)).sessionId).toBe(sessionId);
    } finally {
      await restarted.close();
    }
  });

  it('a restarted worker whose old event stream the server still holds (409) asks again until it has the stream', async () => {
    await harness.hub.start();
    await harness.waitReady(id);
    await waitFor(() => server.openEventStreams() > 0, 'the first worker’s event stream');
    const mark = server.requests.length;
    const gets = (status: number) => server.requests.slice(mark).filter((r) => r.httpMethod === 'GET' && r.status === status);

    // The new worker resumes while the server has not yet noticed the old worker's stream close.
    const restarted = harness.restarted();
    try {
      await restarted.hub.start();
      await restarted.waitForState(id, 'connected');
      await waitFor(() => gets(409).length > 0, 'a GET refused with 409 while the old stream is open');
      await harness.close();
      await waitFor(() => gets(200).length > 0, 'the event stream reopened once the old one closed');
      server.changeToolDescription('echo', 'Changed after the restart.');
      await restarted.waitForRow(id, (r) => r.tools.some((t) => t.name === 'echo' && t.description === 'Changed after the restart.'), 'list_changed on the new stream');
    } finally {
      await restarted.close();
    }
  });

  it('a restarted worker whose session the server forgot initializes a new one', async () => {
    await harness.hub.start();
    const { sessionId } = await harness.waitReady(id);
    await harness.close();
    await server.forgetSessions();

    const restarted = harness.restarted();
    try {
      await restarted.hub.start();
      await restarted.waitForState(id, 'connected');
      expect(server.requests.find(carries('ping'))).toMatchObject({ sessionId, status: 404 });
      expect(initializes()).toBe(2);
      const row = await restarted.waitForRow(id, (r) => r.sessionId !== sessionId && r.sessionId !== null, 'the new session id');
      expect(textOf(await restarted.hub.callTool(id, 'echo', { message: 'fresh' }, {}))).toBe('Echo: fresh');
      expect(server.requests.filter(carries('tools/call', 'echo')).map((r) => r.sessionId)).toEqual([row.sessionId]);
    } finally {
      await restarted.close();
    }
  });
});

describe('long calls', () => {
  let server: MisbehavingServer;
  let harness: HubHarness;
  let id: string;

  beforeEach(async () => {
    server = await startMisbehavingServer();
    harness = await HubHarness.create();
    id = await harness.add('Slow', server.url, 'streamable-http');
    await harness.connectors.update(id, { timeoutMs: 1_000 });
    await harness.hub.start();
    await harness.waitReady(id);
  });
  afterEach(async () => {
    await harness.close();
    await server.close();
  });

  it('progress resets the timeout; silence runs into it and the server is told to stop', async () => {
    const progress: number[] = [];
    const args = { steps: 6, stepMs: 250 };
    const result = await harness.hub.callTool(id, 'slow', args, { onProgress: ({ progress: p }) => progress.push(p) });
    expect(textOf(result)).toBe('Done after 6 steps.');
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);

    await expect(harness.hub.callTool(id, 'slow', args, {})).rejects.toMatchObject({ code: -32001, message: expect.stringMatching(/timed out/i) });
    await waitFor(() => server.tools.slowCancellations === 1, 'the server to see the cancellation');
    expect(server.requests.some(carries('notifications/cancelled'))).toBe(true);
  });

  it('an AbortSignal cancels the call at once and reaches the tool as notifications/cancelled', async () => {
    const controller = new AbortController();
    const call = harness.hub.callTool(id, 'slow', { steps: 100, stepMs: 100 }, { signal: controller.signal, onProgress: () => controller.abort(new Error('Stop.')) });
    await expect(guard(call, 2_000, 'the cancelled call')).rejects.toThrow('Stop.');
    await waitFor(() => server.tools.slowCancellations === 1, 'the tool to see extra.signal abort');
    expect(textOf(await harness.hub.callTool(id, 'echo', { message: 'next' }, {}))).toBe('Echo: next');
  });
});

describe('the GET event stream across a worker restart', () => {
  let server: MisbehavingServer;
  let harness: HubHarness;
  let id: string;

  beforeEach(async () => {
    server = await startMisbehavingServer({ resumable: true });
    harness = await HubHarness.create();
    id = await harness.add('Resumable', server.url, 'streamable-http');
  });
  afterEach(async () => {
    await harness.close();
    await server.close();
  });

  it('a restarted worker reopens the stream with Last-Event-ID set to the last event seen', async () => {
    await harness.hub.start();
    await harness.waitReady(id);
    await waitFor(() => server.openEventStreams() > 0, 'the client’s standalone event stream');
    // Each change travels as a `list_changed` event, with an id, on the GET stream.
    for (const description of ['First.', 'Second.', 'Third.']) {
      server.changeToolDescription('echo', description);
      await harness.waitForRow(id, (r) => r.tools.some((t) => t.name === 'echo' && t.description === description), `echo described as ${description}`);
    }
    const lastSent = server.lastGetStreamEventId();
    expect(lastSent).toEqual(expect.any(String));
    await harness.close();
    expect((await harness.row(id)).lastEventId).toBe(lastSent);

    const mark = server.requests.length;
    const restarted = harness.restarted();
    try {
      await restarted.hub.start();
      await restarted.waitForState(id, 'connected');
      const resumedGet = await waitFor(() => server.requests.slice(mark).find((r) => r.httpMethod === 'GET'), 'the resumed GET stream');
      expect(resumedGet.headers['last-event-id']).toBe(lastSent);
      expect(resumedGet.status).toBe(200);
      expect(server.requests.slice(mark).some(carries('initialize'))).toBe(false);
    } finally {
      await restarted.close();
    }
  });
});
