/**
 * The closed sets of a connector's kinds, without zod: the zod schemas (connector-kinds.ts) are
 * built from these lists, and so are the first screen's zod-free row checks.
 */

/** How a connector reaches its server; `auto` tries Streamable HTTP first, then legacy SSE. */
export const TRANSPORT_KINDS = ['auto', 'streamable-http', 'sse'] as const;
/** Which credentials go with each request. The secrets themselves live in storage.local, not here. */
export const AUTH_KINDS = ['none', 'oauth', 'bearer', 'headers'] as const;
/** The spec's syslog levels (RFC 5424), least to most severe. */
export const LOG_LEVELS = ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'] as const;
