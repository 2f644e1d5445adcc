import { describe, expect, it } from 'vitest';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { createMcpClient } from '@/lib/mcp/session/create-mcp-client';
import { openConnection } from '@/lib/mcp/transport/open-connection';

const URL_ = 'http://legacy.test/mcp';

/**
 * A pre-2025-03-26 server in a fetch: POST to the MCP URL answers `postStatus`; GET opens the old
 * SSE stream, whose `endpoint` event names where to POST; answers travel back on that stream.
 */
function legacyServer(postStatus: number) {
  const seen: string[] = [];
  const encoder = new TextEncoder();
  let stream: ReadableStreamDefaultController<Uint8Array> | null = null;
  const send = (event: string, data: string) => stream?.enqueue(encoder.encode(`event: ${event}\ndata: ${data}\n\n`));
  const fetch: FetchLike = async (input, init) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    seen.push(`${method} ${url.pathname}`);
    if (method === 'GET' && url.pathname === '/mcp') {
      const body = new ReadableStream<Uint8Array>({ start: (controller) => void (stream = controller) });
      queueMicrotask(() => send('endpoint', '/messages?sessionId=legacy'));
      return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
    }
    if (method === 'POST' && url.pathname === '/mcp') return new Response('Not here.', { status: postStatus, headers: { 'content-type': 'text/plain' } });
    if (method === 'POST' && url.pathname === '/messages') {
      const message = JSON.parse(String(init?.body)) as { id?: number; method: string; params?: { protocolVersion?: string } };
      if (message.method === 'initialize') {
        const result = { protocolVersion: message.params?.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: 'legacy', version: '1' } };
        queueMicrotask(() => send('message', JSON.stringify({ jsonrpc: '2.0', id: message.id, result })));
      }
      return new Response(null, { status: 202 });
    }
    return new Response('Not found.', { status: 404 });
  };
  return { fetch, seen, end: () => stream?.close() };
}

function open(fetch: FetchLike) {
  return openConnection({
    url: URL_,
    transport: 'auto',
    fetch,
    headers: {},
    resume: null,
    createClient: () => createMcpClient(),
    prepareTransport: (transport) => transport,
  });
}

describe('openConnection with transport Auto', () => {
  it.each([400, 404, 405, 415, 422])('falls back to SSE when initialize is answered %i', async (status) => {
    const server = legacyServer(status);
    const connection = await open(server.fetch);
    try {
      expect(connection.protocol).toBe('sse');
      expect(connection.client.getServerVersion()).toMatchObject({ name: 'legacy' });
      expect(server.seen.slice(0, 2)).toEqual(['POST /mcp', 'GET /mcp']);
    } finally {
      await connection.client.close();
      server.end();
    }
  });

  it.each([401, 403, 500])('does not fall back when initialize is answered %i', async (status) => {
    const server = legacyServer(status);
    await expect(open(server.fetch)).rejects.toMatchObject({ code: status });
    expect(server.seen).toEqual(['POST /mcp']);
  });
});
