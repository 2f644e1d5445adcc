import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { UNANSWERED_STREAM_MESSAGE } from '@/lib/mcp/transport/fail-unanswered-streams';
import { startFaultServer, type FaultServer } from '../fixtures/mcp-servers/fault-server';
import { startServerEverything, type RunningServer } from '../fixtures/mcp-servers/server-everything';
import { guard, HubHarness } from './connector-hub-harness';

const textOf = (result: CallToolResult) => result.content.map((block) => (block.type === 'text' ? block.text : '')).join('');

// The faults connector-hub-misbehaving.test.ts does not cover (it has 404, 5xx, malformed JSON, a
// clean drop mid-stream, 20 MB), each against a real server on 127.0.0.1, with server-everything beside it.
describe('server faults: a clear error on the call, the connector and its neighbour keep working', () => {
  let everything: RunningServer;
  let server: FaultServer;
  let harness: HubHarness;
  let bad: string;
  let good: string;

  beforeAll(async () => {
    everything = await startServerEverything('streamableHttp');
  });
  afterAll(() => everything.close());
  beforeEach(async () => {
    server = await startFaultServer();
    harness = await HubHarness.create();
    // A one-second timeout stands for the real 30 s of silence: the same code path, thirty times faster.
    bad = await harness.add('Faulty', server.url, 'streamable-http', 1);
    good = await harness.add('Everything', everything.url, 'auto');
    await harness.hub.start();
    await Promise.all([harness.waitReady(bad), harness.waitReady(good)]);
  });
  afterEach(async () => {
    expect(harness.latest(good)).toMatchObject({ state: 'connected' });
    expect(textOf(await harness.hub.callTool(good, 'echo', { message: 'unaffected' }, {}))).toBe('Echo: unaffected');
    // The faulty connector answers its next call as if nothing happened.
    await harness.waitForState(bad, 'connected');
    expect(textOf(await harness.hub.callTool(bad, 'echo', { message: 'again' }, {}))).toBe('Echo: again');
    await harness.close();
    await server.close();
  });

  /** Calls echo on the faulty connector with `fault` armed; returns the error and how long it took. */
  async function failingCall(fault: Parameters<FaultServer['armNextCall']>[0]): Promise<{ error: Error; ms: number }> {
    server.armNextCall(fault);
    const started = Date.now();
    const error = await guard(harness.hub.callTool(bad, 'echo', { message: 'hit' }, {}), 10_000, `the call under ${fault}`).then(
      () => { throw new Error(`The call under ${fault} succeeded.`); },
      (e: unknown) => e as Error,
    );
    return { error, ms: Date.now() - started };
  }

  it('connection reset (RST) mid-stream: the call fails at once, not at its timeout', async () => {
    const { error, ms } = await failingCall('reset');
    expect(error).toMatchObject({ code: -32000, message: expect.stringContaining(UNANSWERED_STREAM_MESSAGE) });
    expect(ms).toBeLessThan(1_000);
  });

  it('silence: the call fails at the connector timeout, saying it timed out', async () => {
    const { error, ms } = await failingCall('silence');
    expect(error).toMatchObject({ code: -32001, message: expect.stringMatching(/timed out/i) });
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(5_000);
  });

  it('wrong content type (an HTML page): the call fails naming the content type', async () => {
    const { error, ms } = await failingCall('wrong-content-type');
    expect(error.message).toMatch(/content.type|text\/html/i);
    expect(ms).toBeLessThan(1_000);
  });

  it('an SSE answer that never ends: keep-alives do not hold the call past its timeout', async () => {
    const { error, ms } = await failingCall('endless-sse');
    expect(error).toMatchObject({ code: -32001, message: expect.stringMatching(/timed out/i) });
    expect(ms).toBeLessThan(5_000);
  });

  it('a 50 MB result arrives whole, and the server beside it answers meanwhile', async () => {
    const big = harness.hub.callTool(bad, 'big_result', { megabytes: 50 }, {});
    expect(textOf(await harness.hub.callTool(good, 'echo', { message: 'during' }, {}))).toBe('Echo: during');
    expect(textOf(await guard(big, 25_000, 'the 50 MB result'))).toHaveLength(50 * 1024 * 1024);
  });
});
