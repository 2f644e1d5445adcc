import type { PatchbayDatabase } from '../database';
import { parseRow } from '../corrupt-row-error';
import { ProtocolFrameRowSchema, type ProtocolFrameRow } from '../rows';
import { frameKindOf, frameMatches, isPartnerFrame, type FrameKind } from '@/lib/contract/protocol-frame-facts';
import { isLogAtLeast } from '@/lib/contract/log-message';
import type { LogLevel } from '@/lib/contract/log-level';

/**
 * Which frames the Log view lists. `connectorId: null` is every connector; `method: undefined` any
 * method and `null` the frames without one; `window` a tool call's own moments (epoch ms, inclusive).
 */
export interface FrameFilter {
  connectorId: string | null;
  method?: string | null;
  kind: FrameKind | 'all';
  level: LogLevel | null;
  window?: { from: number; to: number } | null;
}

/** The frame ids of a listing, oldest first: what the virtual list pages through by position. */
export type FrameListing = number[];

function narrows(filter: FrameFilter): boolean {
  return filter.method !== undefined || filter.kind !== 'all' || filter.level !== null;
}

function keeps(filter: FrameFilter, row: ProtocolFrameRow): boolean {
  if (filter.method !== undefined && (row.method ?? null) !== filter.method) return false;
  if (filter.kind !== 'all' && frameKindOf(row) !== filter.kind) return false;
  return filter.level === null || isLogAtLeast(row, filter.level);
}

/**
 * The listing in time order (ties in the order recorded). Without a narrowing filter only the
 * `[connectorId+at]` index is read (keys, no frame bodies), which is what a live query re-runs on
 * every write; a method, kind or level filter reads the rows of the bounded ring once per change.
 */
export async function listFrames(db: PatchbayDatabase, filter: FrameFilter): Promise<FrameListing> {
  const from = filter.window?.from ?? -Infinity;
  const to = filter.window?.to ?? Infinity;
  const range =
    filter.connectorId === null
      ? db.protocolLog.orderBy('[connectorId+at]')
      : db.protocolLog.where('[connectorId+at]').between([filter.connectorId, from], [filter.connectorId, to], true, true);
  const inWindow = (at: number) => at >= from && at <= to;
  const found: { at: number; id: number }[] = [];
  if (narrows(filter)) {
    await range.each((row: ProtocolFrameRow, cursor) => {
      if (inWindow(row.at) && keeps(filter, row)) found.push({ at: row.at, id: cursor.primaryKey as number });
    });
  } else {
    await range.eachKey((key, cursor) => {
      const at = (key as [string, number])[1];
      if (inWindow(at)) found.push({ at, id: cursor.primaryKey as number });
    });
  }
  // One connector's range is already in time order; every connector's is sorted by connector first.
  if (filter.connectorId === null) found.sort((a, b) => a.at - b.at || a.id - b.id);
  return found.map((f) => f.id);
}

/** The frames of one page of a listing (ids it named), parsed; a frame the ring dropped since is left out. */
export async function readFrames(db: PatchbayDatabase, ids: readonly number[]): Promise<ProtocolFrameRow[]> {
  const rows = await db.protocolLog.bulkGet([...ids]);
  return rows.flatMap((row) => (row ? [parseRow('protocolLog', ProtocolFrameRowSchema, row)] : []));
}

/**
 * The positions in `listing` of the frames containing `needle`: one scan of the frames the listing
 * names, in pages, so a ring of 5,000 per connector is searched without holding every body at once.
 */
export async function searchFrames(db: PatchbayDatabase, listing: FrameListing, needle: string, pageSize = 500): Promise<number[]> {
  if (needle.trim() === '') return [];
  const matches: number[] = [];
  for (let start = 0; start < listing.length; start += pageSize) {
    const page = await db.protocolLog.bulkGet(listing.slice(start, start + pageSize));
    page.forEach((row, i) => {
      if (row && frameMatches(row, needle)) matches.push(start + i);
    });
  }
  return matches;
}

/**
 * The other half of a JSON-RPC request/response pair: for a request, the first answer after it; for
 * a response, the last request before it. Null for a notification, an HTTP exchange or an unanswered
 * request. Only the connector's own range is read, from the frame's moment on (or up to it).
 */
export async function findPartnerFrame(db: PatchbayDatabase, row: ProtocolFrameRow): Promise<ProtocolFrameRow | null> {
  const answer = row.direction === 'out' ? 'in' : 'out';
  const isRequest = typeof (row.frame as { method?: unknown } | null)?.method === 'string';
  const index = db.protocolLog.where('[connectorId+at]');
  const range = isRequest
    ? index.between([row.connectorId, row.at], [row.connectorId, Infinity], true, true)
    : index.between([row.connectorId, -Infinity], [row.connectorId, row.at], true, true).reverse();
  const found = await range.filter((other: ProtocolFrameRow) => other.direction === answer && isPartnerFrame(row, other)).first();
  return found ? parseRow('protocolLog', ProtocolFrameRowSchema, found) : null;
}

/** Every method in the ring (of one connector, or all), sorted, `null` last when some frames have none. */
export async function listedMethods(db: PatchbayDatabase, connectorId: string | null): Promise<(string | null)[]> {
  const seen = new Set<string>();
  let unnamed = false;
  const range = connectorId === null ? db.protocolLog.toCollection() : db.protocolLog.where('[connectorId+at]').between([connectorId, -Infinity], [connectorId, Infinity], true, true);
  await range.each((row: ProtocolFrameRow) => {
    if (typeof row.method === 'string') seen.add(row.method);
    else unnamed = true;
  });
  return [...[...seen].sort(), ...(unnamed ? [null] : [])];
}
