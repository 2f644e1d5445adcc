import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';

/**
 * Reports the id of each event on a Streamable HTTP standalone GET stream (the server-to-client
 * stream where `list_changed` travels). The SDK's `onresumptiontoken` cannot be used for this: the
 * SDK opens that stream by itself after `initialize` without one. POST streams are left alone.
 */
export function watchEventIds(inner: FetchLike, onEventId: (id: string) => void): FetchLike {
  return async (url, init) => {
    const response = await inner(url, init);
    const method = init?.method ?? 'GET';
    const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (method !== 'GET' || !response.ok || !response.body || mediaType !== 'text/event-stream') return response;
    const body = response.body.pipeThrough(eventIdWatcher(onEventId));
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/** Passes bytes through unchanged; reports an event's id when the event is dispatched. */
function eventIdWatcher(onEventId: (id: string) => void): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  let partial = '';
  let endedWithCr = false;
  let id: string | null = null;
  const onLine = (line: string) => {
    if (line === '') {
      if (id !== null) onEventId(id);
      id = null;
    } else if (line === 'id' || line.startsWith('id:')) {
      const value = line.slice(line[3] === ' ' ? 4 : 3);
      // The SSE spec ignores an id containing NUL; the SDK ignores an empty one.
      if (value !== '' && !value.includes('\0')) id = value;
    }
  };
  return new TransformStream({
    transform(chunk, controller) {
      controller.enqueue(chunk);
      let text = decoder.decode(chunk, { stream: true });
      // A `\r\n` split between two chunks is one line end, not two.
      if (endedWithCr && text.startsWith('\n')) text = text.slice(1);
      if (text === '') return;
      endedWithCr = text.endsWith('\r');
      const lines = (partial + text).split(/\r\n|\r|\n/);
      partial = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    },
  });
}
