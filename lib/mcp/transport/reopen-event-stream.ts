import type { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { httpStatusOf } from '../session/connector-error';

/**
 * Waits before each new try while the server answers 409: it still holds the stream of the worker
 * that died (it has not noticed that connection close yet) and allows one stream per session.
 */
export const STREAM_CONFLICT_RETRY_MS = [250, 500, 1_000, 2_000, 4_000] as const;

/**
 * Reopens a resumed session's server-to-client stream (where `list_changed` arrives), from the
 * last event seen. A server that no longer knows that event gets a plain GET; one still holding the
 * old stream (409) is asked again a few times. Never throws: without the stream the session still
 * answers requests, it only misses notifications.
 */
export async function reopenEventStream(
  transport: Pick<StreamableHTTPClientTransport, 'resumeStream'>,
  lastEventId: string | null,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<void> {
  let token = lastEventId ?? '';
  let conflicts = 0;
  for (;;) {
    try {
      await transport.resumeStream(token);
      return;
    } catch (error) {
      const status = httpStatusOf(error);
      if (status === 409 && conflicts < STREAM_CONFLICT_RETRY_MS.length) {
        await wait(STREAM_CONFLICT_RETRY_MS[conflicts++]!);
      } else if (status !== null && status !== 409 && token !== '') {
        token = '';
      } else {
        return;
      }
    }
  }
}
