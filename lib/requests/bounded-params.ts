import { AUDIT_PARAMS_MAX_BYTES } from '../db/repositories/server-request-audit-retention';

export { AUDIT_PARAMS_MAX_BYTES };

/**
 * A server's params as an audit entry keeps them. Within the bound, as they came. Beyond it, the
 * first `maxBytes` of their JSON text followed by `… [truncated: N bytes]`, with `N` (the bytes
 * not kept) beside it: a flooding server cannot make each entry as large as it likes, and the
 * whole request is still in the request's own row while that is retained.
 */
export function boundedParams(params: unknown, maxBytes: number = AUDIT_PARAMS_MAX_BYTES): { request: unknown; requestTruncatedBytes?: number } {
  const text = JSON.stringify(params) ?? 'null';
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= maxBytes) return { request: params };
  // Cut at a character boundary: a partial UTF-8 sequence decodes to U+FFFD, which is dropped.
  const head = new TextDecoder().decode(bytes.subarray(0, maxBytes)).replace(/\uFFFD+$/, '');
  const truncated = bytes.length - new TextEncoder().encode(head).length;
  return { request: `${head}… [truncated: ${truncated} bytes]`, requestTruncatedBytes: truncated };
}
