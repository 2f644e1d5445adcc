import { describe, expect, it } from 'vitest';
import { failUnansweredStreams, UNANSWERED_STREAM_MESSAGE } from '@/lib/mcp/transport/fail-unanswered-streams';

const encoder = new TextEncoder();
const request = (id: number) => JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'x' } });
const event = (message: object, id?: string) => `${id ? `id: ${id}\n` : ''}event: message\ndata: ${JSON.stringify(message)}\n\n`;

/** A server answer whose body yields `chunks`, then ends as `ending` says. */
function sse(chunks: string[], ending: 'close' | 'error', contentType = 'text/event-stream') {
  // One chunk per pull, as a socket delivers them: erroring a stream discards what it still queues.
  const queue = [...chunks];
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = queue.shift();
      if (chunk !== undefined) controller.enqueue(encoder.encode(chunk));
      else if (ending === 'close') controller.close();
      else controller.error(new TypeError('terminated'));
    },
  }, { highWaterMark: 0 });
  return async () => new Response(body, { status: 200, headers: { 'content-type': contentType } });
}

async function read(response: Response): Promise<{ text: string; error: unknown }> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return { text, error: null };
      text += value;
    }
  } catch (error) {
    return { text, error };
  }
}

const post = (body: string, signal?: AbortSignal) => ({ method: 'POST', body, signal });
const progress = { jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 1, progress: 1 } };

describe('failUnansweredStreams', () => {
  it('ends a broken stream with an error answer for the unanswered request', async () => {
    const fetch = failUnansweredStreams(sse([event(progress)], 'error'));
    const { text, error } = await read(await fetch('http://x/mcp', post(request(4))));
    expect(error).toBeNull();
    expect(text.startsWith(event(progress))).toBe(true);
    const answer = JSON.parse(text.split('data: ').at(-1)!);
    expect(answer).toEqual({ jsonrpc: '2.0', id: 4, error: { code: -32000, message: UNANSWERED_STREAM_MESSAGE } });
  });

  it('does the same for a stream that ends cleanly without the answer, for each request of a batch', async () => {
    const batch = `[${request(1)},${request(2)}]`;
    const fetch = failUnansweredStreams(sse([event({ jsonrpc: '2.0', id: 1, result: {} })], 'close'));
    const { text } = await read(await fetch('http://x/mcp', post(batch)));
    expect(text.match(/"error"/g)).toHaveLength(1);
    expect(text).toContain('"id":2,"error"');
  });

  it('leaves a stream alone once it carried the answer, even one split across chunks', async () => {
    const answer = event({ jsonrpc: '2.0', id: 3, result: { content: [{ type: 'text', text: 'y'.repeat(5_000) }] } });
    const chunks = [answer.slice(0, 7), answer.slice(7, 2_000), answer.slice(2_000)];
    const { text, error } = await read(await failUnansweredStreams(sse(chunks, 'error'))('http://x/mcp', post(request(3))));
    expect(text).toBe(answer);
    expect(String(error)).toContain('terminated');
  });

  it('leaves resumable streams (with event ids) to the SDK to resume', async () => {
    const { text, error } = await read(await failUnansweredStreams(sse([event(progress, 'evt-1')], 'error'))('http://x/mcp', post(request(5))));
    expect(text).toBe(event(progress, 'evt-1'));
    expect(String(error)).toContain('terminated');
  });

  it('adds nothing when the client itself aborted, or to what is not an SSE answer to a request', async () => {
    const aborted = AbortSignal.abort();
    expect((await read(await failUnansweredStreams(sse([], 'error'))('http://x/mcp', post(request(6), aborted)))).text).toBe('');
    const notification = JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' });
    expect((await read(await failUnansweredStreams(sse([], 'close'))('http://x/mcp', post(notification)))).text).toBe('');
    expect((await read(await failUnansweredStreams(sse([], 'close'))('http://x/mcp', { method: 'GET' }))).text).toBe('');
    const json = failUnansweredStreams(sse(['{"jsonrpc":"2.0"'], 'close', 'application/json'));
    expect((await read(await json('http://x/mcp', post(request(7))))).text).toBe('{"jsonrpc":"2.0"');
  });
});
