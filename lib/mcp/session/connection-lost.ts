import { McpError } from '@modelcontextprotocol/sdk/types.js';

/** What the browser's (or Node's) fetch says when nothing answered at all. */
const NETWORK_FAILURE = /fetch failed|Failed to fetch|NetworkError|Load failed|ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENOTFOUND/i;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EPIPE', 'UND_ERR_SOCKET']);

/** What the SDK's Streamable HTTP transport reports (via `onerror`) when its GET stream gives up. */
const STREAM_GAVE_UP = /^Maximum reconnection attempts/;

/**
 * Whether a failed request means the server itself is gone: nothing answered (network error,
 * connection refused) or it answered 5xx. Such a failure ends the connection (the connector shows
 * `error` and reconnects with backoff), while everything else fails only the request: a tool's
 * error result, a JSON-RPC error (timeouts included), a 4xx such as the 404 of a forgotten session,
 * and a cancellation (`signal` aborted, or an `AbortError`).
 */
export function isConnectionLost(error: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted || !(error instanceof Error) || error.name === 'AbortError' || error instanceof McpError) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'number') return code >= 500 && code < 600;
  if (STREAM_GAVE_UP.test(error.message)) return true;
  if (!(error instanceof TypeError)) return false;
  const causeCode = (error.cause as { code?: unknown } | undefined)?.code;
  return NETWORK_FAILURE.test(error.message) || (typeof causeCode === 'string' && NETWORK_CODES.has(causeCode));
}

/** Whether the SDK's standalone GET stream stopped reconnecting: the server is gone for good. */
export function isStreamGivenUp(error: unknown): boolean {
  return error instanceof Error && STREAM_GAVE_UP.test(error.message);
}
