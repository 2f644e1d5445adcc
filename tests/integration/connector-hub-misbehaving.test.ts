import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { capToolResult, DISPLAY_RESULT_BUDGET_BYTES } from '@/lib/mcp/session/cap-result';
import { ConnectorError, httpStatusOf } from '@/lib/mcp/session/connector-error';
import { UNANSWERED_STREAM_MESSAGE } from '@/lib/mcp/transport/fail-unanswered-streams';
import { startMisbehavingServer, type MisbehavingServer, type RecordedRequest } from '../fixtures/mcp-servers/misbehaving-server';
import { startServerEverything, type RunningServer } from '../fixtures/mcp-servers/server-everything';
import { guard, HubHarness, waitFor } from './connector-hub-harness';

const textOf = (result: CallToolResult) => result.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
const carries = (method: string, toolName?: string) => (r: RecordedRequest) =>
  r.rpc.some((rpc) => rpc.method === method && (toolName === undefined || rpc.toolName === toolName));

// Each case: one connector to a server that misbehaves on cue, one to the real server-everything.
// The misbehaving one must end in a clear status or error; the other must not notice.
describe('a misbehaving server beside a healthy one', () => {
  let everything: RunningServer;
  let server: MisbehavingServer;
  let harness: HubHarness;
  let bad: string;
  let good: string;

  beforeAll(async () => {
    everything = await startServerEverything('streamableHttp');
  });
  afterAll(() => everything.close());

  async function start(options: Parameters<typeof startMisbehavingServer>[0] = {}): Promise<void> {
    server = await startMisbehavingServer(options);
    harness = await HubHarness.create();
    bad = await harness.add('Misbehaving', server.url, 'streamable-http');
    good = await harness.add('Everything', everything.url, 'auto');
    await harness.hub.start();
    await Promise.all([harness.waitReady(bad), harness.waitReady(good)]);
  }
  beforeEach(() => start());
  afterEach(async () => {
    // The healthy connector kept serving whatever happened next to it.
    expect(harness.latest(good)).toMatchObject({ state: 'connected' });
    expect(textOf(await harness.hub.callTool(good, 'echo', { message: 'unaffected' }, {}))).toBe('Echo: unaffected');
    await harness.close();
    await server.close();
  });

  const echoAgain = async () => expect(textOf(await harness.hub.callTool(bad, 'echo', { message: 'again' }, {}))).toBe('Echo: again');

  it('the server forgot the session: a read is retried on a new session, transparently', async () => {
    const { sessionId: first } = await harness.row(bad);
    await server.forgetSessions();
    const mark = server.requests.length;

    expect(textOf(await harness.hub.callTool(bad, 'echo', { message: 'after expiry' }, {}))).toBe('Echo: after expiry');
    expect(server.requests.filter(carries('initialize')).length).toBe(2);
    const echoes = server.requests.filter(carries('tools/call', 'echo'));
    expect(echoes.map((r) => [r.sessionId === first, r.status])).toEqual([[true, 404], [false, 200]]);
    // Once refused, the dead id is not offered again (no resume attempt with it).
    const withDeadId = server.requests.slice(mark).filter((r) => r.sessionId === first && r.httpMethod === 'POST');
    expect(withDeadId).toEqual([echoes[0]]);
    const row = await harness.waitForRow(bad, (r) => r.sessionId !== null && r.sessionId !== first, 'the new session id to be stored');
    expect(row.sessionId).toBe(echoes[1]!.sessionId);
    expect(harness.latest(bad)).toMatchObject({ state: 'connected' });
  });

  it('the server forgot the session: a write is not repeated, and the error says so', async () => {
    await server.forgetSessions();

    const error = await harness.hub.callTool(bad, 'write_note', { text: 'once' }, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ httpStatus: 404, message: expect.stringContaining('not repeated') });
    expect(server.requests.filter(carries('tools/call', 'write_note')).map((r) => r.status)).toEqual([404]);
    expect(server.tools.writeNoteRuns).toBe(0);

    // The new session is there for the user's next, deliberate, attempt.
    await harness.waitForState(bad, 'connected');
    expect(textOf(await harness.hub.callTool(bad, 'write_note', { text: 'again' }, {}))).toBe('Saved: again');
    expect(server.tools.writeNoteRuns).toBe(1);
  });

  it('malformed JSON in a response: the call fails, the connector keeps working', async () => {
    server.malformNextPost();
    await expect(harness.hub.callTool(bad, 'echo', { message: 'x' }, {})).rejects.toThrow(/JSON/);
    expect(harness.latest(bad)).toMatchObject({ state: 'connected' });
    await echoAgain();
  });

  it('HTTP 500: the call fails with the status, the connector keeps working', async () => {
    server.failNextPost(500);
    const error = await harness.hub.callTool(bad, 'echo', { message: 'x' }, {}).catch((e: unknown) => e);
    expect(httpStatusOf(error)).toBe(500);
    expect(String(error)).toContain('Injected failure (HTTP 500)');
    await echoAgain();
  });

  it('the server forgot the session under two reads at once: one new session, both reads answered', async () => {
    await server.forgetSessions();
    const [a, b] = await Promise.all([
      harness.hub.callTool(bad, 'echo', { message: 'one' }, {}),
      harness.hub.callTool(bad, 'echo', { message: 'two' }, {}),
    ]);
    expect([textOf(a), textOf(b)]).toEqual(['Echo: one', 'Echo: two']);
    expect(server.requests.filter(carries('initialize')).length).toBe(2);
  });

  it('connection dropped mid-stream: the call rejects at once instead of waiting for its timeout', async () => {
    const started = Date.now();
    const call = harness.hub.callTool(bad, 'drop_mid_stream', {}, { onProgress: () => {} });
    await expect(guard(call, 10_000, 'the dropped call')).rejects.toMatchObject({ code: -32000, message: expect.stringContaining(UNANSWERED_STREAM_MESSAGE) });
    // The connector's timeout is 30 s: this was the drop, not the timer.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(server.requests.some((r) => r.rpc.some((rpc) => rpc.toolName === 'drop_mid_stream') && r.status === 200)).toBe(true);
    await echoAgain();
  });

  it('a 20 MB result arrives whole; the display copy is capped and states the full size', async () => {
    const result = await harness.hub.callTool(bad, 'big_result', { megabytes: 20 }, {});
    expect(textOf(result)).toHaveLength(20 * 1024 * 1024);
    const capped = capToolResult(result, DISPLAY_RESULT_BUDGET_BYTES);
    expect(capped.truncated).toBe(true);
    expect(capped.totalBytes).toBeGreaterThan(20 * 1024 * 1024);
    expect(JSON.stringify(capped.result).length).toBeLessThan(DISPLAY_RESULT_BUDGET_BYTES + 1_000);
    expect(textOf(capped.result)).toContain('the full result is 20.0 MB');
    expect(textOf(result)).toHaveLength(20 * 1024 * 1024);
  });

  it('tools/list_changed: the stored tools update by themselves, with a diff naming the field', async () => {
    const before = await harness.row(bad);
    await waitFor(() => server.openEventStreams() > 0, 'the client’s standalone event stream');
    server.changeToolDescription('echo', 'Echoes the message back, louder.');
    const row = await harness.waitForRow(bad, (r) => r.tools.some((t) => t.name === 'echo' && t.description === 'Echoes the message back, louder.'), 'the new echo description');
    expect(row.toolChanges).toEqual({
      added: [],
      removed: [],
      changed: [{ name: 'echo', fields: [{ field: 'description', before: 'Echoes the message back.', after: 'Echoes the message back, louder.' }] }],
    });
    expect(row.toolFingerprints.echo).not.toBe(before.toolFingerprints.echo);
    expect(row.toolFingerprints.write_note).toBe(before.toolFingerprints.write_note);
    expect(row.enabledTools).toEqual(before.enabledTools);
  });

  it('sends no CORS headers, which Node does not need (the browser e2e covers host permissions)', async () => {
    const responses = (await harness.wireOf(bad)).filter((e) => e.method?.startsWith('HTTP ') && e.httpStatus !== null);
    expect(responses.length).toBeGreaterThan(0);
    for (const event of responses) {
      const headers = (event.frame as { response: { headers: Record<string, string> } }).response.headers;
      expect(Object.keys(headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
  });
});

describe('a misbehaving server, one at a time', () => {
  let everything: RunningServer;
  beforeAll(async () => {
    everything = await startServerEverything('streamableHttp');
  });
  afterAll(() => everything.close());

  it('pages tools/list: every page is fetched and stored', async () => {
    const server = await startMisbehavingServer({ toolsPageSize: 2 });
    const harness = await HubHarness.create();
    try {
      const id = await harness.add('Paged', server.url, 'streamable-http');
      await harness.hub.start();
      const row = await harness.waitReady(id);
      expect(row.tools.map((t) => t.name)).toEqual(['echo', 'write_note', 'big_result', 'slow', 'drop_mid_stream']);
      expect(Object.keys(row.toolFingerprints)).toHaveLength(5);
      const cursors = (await harness.wireOf(id))
        .filter((e) => e.direction === 'out' && e.method === 'tools/list')
        .map((e) => (e.frame as { params?: { cursor?: string } }).params?.cursor);
      expect(cursors).toEqual([undefined, '2', '4']);
    } finally {
      await harness.close();
      await server.close();
    }
  });

  it('403 for an extension Origin: a clear status that waits for the user, other connectors unaffected', async () => {
    const server = await startMisbehavingServer({ refuseExtensionOrigin: true });
    // What the browser adds to every request from the extension.
    const harness = await HubHarness.create((url, init) => {
      const headers = new Headers(init?.headers);
      headers.set('origin', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop');
      return fetch(url, { ...init, headers });
    });
    try {
      const bad = await harness.add('Strict', server.url, 'auto');
      const good = await harness.add('Everything', everything.url, 'auto');
      await harness.hub.start();
      const status = await harness.waitForState(bad, 'error');
      expect(status).toMatchObject({ code: 'origin-rejected', retryAt: null, reason: expect.stringContaining('403') });
      await harness.waitReady(good);
      expect(textOf(await harness.hub.callTool(good, 'echo', { message: 'fine' }, {}))).toBe('Echo: fine');
    } finally {
      await harness.close();
      await server.close();
    }
  });
});
