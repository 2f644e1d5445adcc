import { describe, expect, it } from 'vitest';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { watchEventIds } from '@/lib/mcp/transport/watch-event-ids';

const encoder = new TextEncoder();

function answering(chunks: string[], contentType = 'text/event-stream'): FetchLike {
  return async () =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
          controller.close();
        },
      }),
      { headers: { 'content-type': contentType } },
    );
}

async function idsSeen(chunks: string[], method = 'GET', contentType?: string): Promise<{ ids: string[]; body: string }> {
  const ids: string[] = [];
  const response = await watchEventIds(answering(chunks, contentType), (id) => ids.push(id))('http://x.test/mcp', { method });
  return { ids, body: await response.text() };
}

describe('watchEventIds', () => {
  it('reports each dispatched event id on a GET event stream and passes the bytes through', async () => {
    const chunks = ['id: a1\ndata: {}\n\n', 'data: {}\n\n', 'id:a2\r', '\ndata: {}\r\n\r\n', 'id: a', '3\nretry: 5\n', 'data: {}\n', '\n'];
    const { ids, body } = await idsSeen(chunks);
    expect(ids).toEqual(['a1', 'a2', 'a3']);
    expect(body).toBe(chunks.join(''));
  });

  it('an id whose event is not finished yet is not reported', async () => {
    expect((await idsSeen(['id: b1\ndata: {}\n\n', 'id: b2\ndata: {'])).ids).toEqual(['b1']);
  });

  it('leaves POST streams and non-stream answers alone', async () => {
    expect((await idsSeen(['id: c1\ndata: {}\n\n'], 'POST')).ids).toEqual([]);
    expect((await idsSeen(['{}'], 'GET', 'application/json')).ids).toEqual([]);
  });
});
