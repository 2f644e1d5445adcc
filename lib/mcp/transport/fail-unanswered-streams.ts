import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';

type RequestId = string | number;

/** Why a request failed when its response stream ended without its answer. */
export const UNANSWERED_STREAM_MESSAGE =
  'The server closed the response stream before answering, and the stream cannot be resumed. The call may or may not have run on the server.';

/**
 * When a Streamable HTTP server answers a POST with an SSE stream and that stream breaks or ends
 * before the answer, and the server gave no event ids to resume it by, the SDK's client waits for
 * the answer until the request times out (and progress keeps resetting that). This fetch wrapper
 * ends such a stream with a JSON-RPC error for each request left unanswered, so the call fails
 * at once with a reason. Resumable streams (with event ids) are left to the SDK to resume.
 */
export function failUnansweredStreams(inner: FetchLike): FetchLike {
  return async (url, init) => {
    const response = await inner(url, init);
    const ids = init?.method === 'POST' ? requestIdsIn(init.body) : [];
    const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (ids.length === 0 || !response.ok || !response.body || mediaType !== 'text/event-stream') return response;
    const body = watchForAnswers(response.body, new Set(ids), init?.signal ?? undefined);
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

function requestIdsIn(body: unknown): RequestId[] {
  if (typeof body !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(body);
    return (Array.isArray(parsed) ? parsed : [parsed])
      .filter((m): m is { id: RequestId } => typeof m?.method === 'string' && (typeof m.id === 'string' || typeof m.id === 'number'))
      .map((m) => m.id);
  } catch {
    return [];
  }
}

/** Passes the stream through unchanged, watching its events for the answers to `pending`. */
function watchForAnswers(source: ReadableStream<Uint8Array>, pending: Set<RequestId>, signal: AbortSignal | undefined): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let line: string[] = [];
  let data: string[] = [];
  let resumable = false;

  const onLine = (text: string) => {
    if (text === '') {
      if (data.length > 0) noteAnswers(data.join('\n'));
      data = [];
    } else if (text.startsWith('data:')) data.push(text.slice(text[5] === ' ' ? 6 : 5));
    else if (text.startsWith('id:') && text.slice(3).trim() !== '') resumable = true;
  };
  const noteAnswers = (payload: string) => {
    try {
      const parsed: unknown = JSON.parse(payload);
      for (const m of Array.isArray(parsed) ? parsed : [parsed]) {
        if (m && typeof m === 'object' && !('method' in m) && 'id' in m) pending.delete(m.id as RequestId);
      }
    } catch {
      // Not JSON: the SDK reports it; it answers nothing.
    }
  };
  const watch = (chunk: Uint8Array) => {
    if (resumable || pending.size === 0) return;
    const parts = decoder.decode(chunk, { stream: true }).split('\n');
    for (const [index, part] of parts.entries()) {
      if (index === parts.length - 1) {
        line.push(part);
        break;
      }
      onLine([...line, part].join('').replace(/\r$/, ''));
      line = [];
    }
  };
  /** True when the stream ended with requests unanswered that only an error can end now. */
  const stranded = () => !resumable && pending.size > 0 && !signal?.aborted;
  const failPending = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    const events = [...pending].map((id) => {
      const message = { jsonrpc: '2.0', id, error: { code: ErrorCode.ConnectionClosed, message: UNANSWERED_STREAM_MESSAGE } };
      return `event: message\ndata: ${JSON.stringify(message)}\n\n`;
    });
    pending.clear();
    controller.enqueue(encoder.encode(`\n\n${events.join('')}`));
    controller.close();
  };

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        if (stranded()) failPending(controller);
        else controller.error(error);
        return;
      }
      if (next.done) {
        if (stranded()) failPending(controller);
        else controller.close();
        return;
      }
      watch(next.value);
      controller.enqueue(next.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}
