/**
 * What the protocol log can tell about a stored frame from its own fields, without trusting it:
 * whether it is a JSON-RPC message or an HTTP exchange, which request a response answers, and
 * whether it contains a searched text. Everything read here came from a server (or was sent to
 * one) and is checked for its type before it is used.
 */

/** A frame's kind, shown as a badge and used as a filter: the MCP messages, or the HTTP exchanges under them. */
export type FrameKind = 'jsonrpc' | 'http';

/** The fields of a stored frame these facts look at (a `ProtocolFrameRow` has them all). */
export interface FrameFacts {
  connectorId: string;
  direction: 'out' | 'in';
  method: string | null;
  httpStatus: number | null;
  frame: unknown;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * A JSON-RPC frame carries `jsonrpc`; an HTTP exchange is recorded with a `request` and a method
 * named `HTTP <verb>`. A server cannot pass a message for an exchange by naming its method so: the
 * frame's shape decides first.
 */
export function frameKindOf(row: Pick<FrameFacts, 'method' | 'frame'>): FrameKind {
  const body = record(row.frame);
  if (body && 'jsonrpc' in body) return 'jsonrpc';
  return row.method?.startsWith('HTTP ') && body && 'request' in body ? 'http' : 'jsonrpc';
}

/** The role a JSON-RPC frame plays in a request/response pair; `null` for HTTP and notifications. */
export type RpcRole = { role: 'request' | 'response'; id: string | number };

export function rpcRoleOf(row: Pick<FrameFacts, 'method' | 'frame'>): RpcRole | null {
  if (frameKindOf(row) !== 'jsonrpc') return null;
  const body = record(row.frame);
  const id = body?.id;
  if (typeof id !== 'string' && typeof id !== 'number') return null;
  if (typeof body!.method === 'string') return { role: 'request', id };
  return 'result' in body! || 'error' in body! ? { role: 'response', id } : null;
}

/**
 * Whether `other` is the answer to `row` or the request `row` answers: the same connector, the same
 * id, opposite directions (ids are numbered by each side on its own, so direction tells them apart),
 * one request and one response.
 */
export function isPartnerFrame(row: FrameFacts, other: FrameFacts): boolean {
  const mine = rpcRoleOf(row);
  const theirs = rpcRoleOf(other);
  return (
    mine !== null &&
    theirs !== null &&
    row.connectorId === other.connectorId &&
    row.direction !== other.direction &&
    mine.role !== theirs.role &&
    mine.id === theirs.id
  );
}

/** The search's text of a frame: its method, its HTTP status and its whole body, lower-cased. */
export function frameSearchText(row: Pick<FrameFacts, 'method' | 'httpStatus' | 'frame'>): string {
  let body: string;
  try {
    body = JSON.stringify(row.frame) ?? '';
  } catch {
    body = '';
  }
  return `${row.method ?? ''} ${row.httpStatus ?? ''} ${body}`.toLowerCase();
}

/**
 * Whether the frame contains `needle` (case-insensitive). The body is searched as stored JSON, so a
 * quote inside a string is searched as `\"`: what the detail pane's raw view shows.
 */
export function frameMatches(row: Pick<FrameFacts, 'method' | 'httpStatus' | 'frame'>, needle: string): boolean {
  const wanted = needle.trim().toLowerCase();
  return wanted.length > 0 && frameSearchText(row).includes(wanted);
}

/**
 * The match to jump to from `current` (a position in the list, or null before the first jump):
 * the next one after it, or the previous one before it, wrapping around; null when nothing matched.
 * `matches` are list positions in ascending order.
 */
export function stepMatch(matches: readonly number[], current: number | null, step: 'next' | 'previous'): number | null {
  if (matches.length === 0) return null;
  if (current === null) return step === 'next' ? matches[0]! : matches[matches.length - 1]!;
  if (step === 'next') return matches.find((m) => m > current) ?? matches[0]!;
  for (let i = matches.length - 1; i >= 0; i--) if (matches[i]! < current) return matches[i]!;
  return matches[matches.length - 1]!;
}
