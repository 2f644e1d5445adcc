import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';

/**
 * The SDK transport sends its OAuth requests (discovery, registration, token) through the same
 * fetch as its MCP traffic. This sends the OAuth ones through `guarded` (URL safety, redirects
 * checked hop by hop) and leaves MCP traffic — JSON-RPC POSTs, event-stream GETs, the session
 * DELETE — on `inner`, exactly as before.
 */
export function routeAuthRequests(inner: FetchLike, guarded: FetchLike): FetchLike {
  return (url, init) => (isMcpRequest(init) ? inner(url, init) : guarded(url, init));
}

function isMcpRequest(init: RequestInit | undefined): boolean {
  const method = (init?.method ?? 'GET').toUpperCase();
  if (method === 'DELETE') return true;
  if (typeof init?.body === 'string' && init.body.includes('"jsonrpc"')) return true;
  return new Headers(init?.headers).get('accept')?.includes('text/event-stream') === true;
}
