import { useEffect, useMemo, useRef, useState } from 'react';
import { searchFrames, type FrameListing } from '@/lib/db/repositories/protocol-log-listing';
import type { PatchbayDatabase } from '@/lib/db/database';

/** Typing settles for this long before the ring is scanned. */
const SETTLE_MS = 200;

/** A search's state: the matched frame ids and, as the listing moves, their current positions. */
export interface FrameSearch {
  query: string;
  setQuery(query: string): void;
  /** Null while the scan runs (or before any query). */
  matchedIds: readonly number[] | null;
  positions: number[];
  /** Scans again when frames came since the last scan; resolves with the current positions. */
  refresh(): Promise<number[]>;
}

/**
 * Text search over the listed frames, scanned in the panel over the bounded ring (in pages, see
 * `searchFrames`). The scan runs when the query, the filters or the listing change (the listing is
 * read at most every 300 ms, and typing settles first); Enter on a listing that moved since scans first.
 */
export function useFrameSearch(db: PatchbayDatabase, listing: FrameListing | undefined, filterKey: string): FrameSearch {
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<{ ids: number[]; scanned: FrameListing } | null>(null);
  const listing$ = useRef(listing);
  listing$.current = listing;
  const ready = listing !== undefined;

  // A new query (or filter) clears the old matches; new frames keep them until the scan again is done.
  useEffect(() => setResult(null), [query, filterKey]);
  useEffect(() => {
    if (query.trim() === '' || !ready) return;
    let live = true;
    const timer = setTimeout(async () => {
      const scanned = listing$.current ?? [];
      const found = await searchFrames(db, scanned, query);
      if (live) setResult({ ids: found.map((i) => scanned[i]!), scanned });
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [db, query, filterKey, ready, listing]);

  const positionsOf = (ids: readonly number[], of: FrameListing) => {
    const at = new Map(of.map((id, i) => [id, i]));
    return ids.flatMap((id) => (at.has(id) ? [at.get(id)!] : []));
  };
  const positions = useMemo(() => (result && listing ? positionsOf(result.ids, listing) : []), [result, listing]);

  async function refresh(): Promise<number[]> {
    const current = listing$.current ?? [];
    if (query.trim() === '' || (result && result.scanned === current)) return positions;
    const found = await searchFrames(db, current, query);
    const ids = found.map((i) => current[i]!);
    setResult({ ids, scanned: current });
    return positionsOf(ids, current);
  }

  return { query, setQuery, matchedIds: result?.ids ?? null, positions, refresh };
}
