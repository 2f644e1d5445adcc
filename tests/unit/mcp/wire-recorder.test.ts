import { afterEach, describe, expect, it, vi } from 'vitest';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { REDACTED } from '@/lib/mcp/redaction/redact';
import type { WireEvent } from '@/lib/mcp/protocol-log/wire-event';
import { WireRecorder } from '@/lib/mcp/protocol-log/wire-recorder';

function recorder(secretHeaders: string[] = []) {
  const events: WireEvent[] = [];
  return { events, recorder: new WireRecorder((event) => events.push(event), secretHeaders) };
}

afterEach(() => vi.useRealTimers());

describe('WireRecorder frames', () => {
  it('pairs a response with its request: method and duration', () => {
    vi.useFakeTimers({ now: 10_000 });
    const { events, recorder: r } = recorder();
    r.outgoing({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'echo' } });
    r.outgoing({ jsonrpc: '2.0', method: 'notifications/initialized' });
    vi.advanceTimersByTime(250);
    r.incoming({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 1, progress: 1 } });
    vi.advanceTimersByTime(50);
    r.incoming({ jsonrpc: '2.0', id: 1, result: { content: [] } });
    r.incoming({ jsonrpc: '2.0', id: 1, result: { content: [] } });
    expect(events.map((e) => [e.direction, e.method, e.durationMs, e.at])).toEqual([
      ['out', 'tools/call', null, 10_000],
      ['out', 'notifications/initialized', null, 10_000],
      ['in', 'notifications/progress', null, 10_250],
      ['in', 'tools/call', 300, 10_300],
      // A second answer to the same id is not paired again.
      ['in', null, null, 10_300],
    ]);
    expect(events[0]!.sizeBytes).toBe(JSON.stringify(events[0]!.frame).length);
  });

  it('pairs the client’s answer to a server request with that request, not with a client request of the same id', () => {
    vi.useFakeTimers({ now: 0 });
    const { events, recorder: r } = recorder();
    r.outgoing({ jsonrpc: '2.0', id: 0, method: 'tools/call', params: { name: 'book' } });
    r.incoming({ jsonrpc: '2.0', id: 0, method: 'elicitation/create', params: { message: 'Which day?', requestedSchema: { type: 'object', properties: {} } } });
    vi.advanceTimersByTime(40);
    r.outgoing({ jsonrpc: '2.0', id: 0, result: { action: 'accept', content: {} } });
    vi.advanceTimersByTime(10);
    r.incoming({ jsonrpc: '2.0', id: 0, result: { content: [] } });
    expect(events.map((e) => [e.direction, e.method, e.durationMs])).toEqual([
      ['out', 'tools/call', null],
      ['in', 'elicitation/create', null],
      ['out', 'elicitation/create', 40],
      ['in', 'tools/call', 50],
    ]);
  });

  it('records every frame through a wrapped transport, also for a handler set later', async () => {
    const { events, recorder: r } = recorder();
    const [client, server] = InMemoryTransport.createLinkedPair();
    const wrapped = r.wrapTransport(client);
    const received: JSONRPCMessage[] = [];
    wrapped.onmessage = (message) => received.push(message);
    server.onmessage = (message) => void server.send({ jsonrpc: '2.0', id: (message as { id: number }).id, result: {} });
    await Promise.all([wrapped.start(), server.start()]);
    await wrapped.send({ jsonrpc: '2.0', id: 7, method: 'ping' });
    await vi.waitFor(() => expect(received).toHaveLength(1));
    await r.settled();
    expect(events.map((e) => [e.direction, e.method])).toEqual([['out', 'ping'], ['in', 'ping']]);
  });
});

describe('WireRecorder HTTP', () => {
  it('records status, timing and headers with credentials redacted', async () => {
    const { events, recorder: r } = recorder(['X-Team-Key']);
    const fetch = r.wrapFetch(async () => new Response('{}', { status: 404, headers: { 'content-type': 'application/json', 'content-length': '2', 'set-cookie': 'sid=1' } }));
    const response = await fetch('http://127.0.0.1:3001/mcp', { method: 'POST', headers: { Authorization: 'Bearer sk-1', 'X-Team-Key': 'k', Accept: 'text/event-stream' } });
    expect(response.status).toBe(404);
    await r.settled();
    expect(events).toEqual([{
      at: expect.any(Number),
      direction: 'in',
      method: 'HTTP POST',
      httpStatus: 404,
      durationMs: expect.any(Number),
      sizeBytes: 2,
      frame: {
        request: { method: 'POST', url: 'http://127.0.0.1:3001/mcp', headers: { authorization: REDACTED, 'x-team-key': REDACTED, accept: 'text/event-stream' } },
        response: { status: 404, headers: { 'content-type': 'application/json', 'content-length': '2', 'set-cookie': REDACTED } },
      },
    }]);
  });

  it('records a network failure and rethrows it', async () => {
    const { events, recorder: r } = recorder();
    const fetch = r.wrapFetch(async () => {
      throw new TypeError('fetch failed');
    });
    await expect(fetch('http://127.0.0.1:1/mcp')).rejects.toThrow('fetch failed');
    await r.settled();
    expect(events).toMatchObject([{ method: 'HTTP GET', httpStatus: null, frame: { error: 'fetch failed' } }]);
  });
});
