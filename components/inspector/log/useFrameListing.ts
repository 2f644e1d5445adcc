import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { listFrames, type FrameFilter, type FrameListing } from '@/lib/db/repositories/protocol-log-listing';
import type { PatchbayDatabase } from '@/lib/db/database';

/** At most one listing read per this long while frames pour in: the writer's transactions go first. */
const AT_MOST_EVERY_MS = 300;

/**
 * The listing, read again when the ring changes, but not at every write of a flood: a live query
 * on the per-connector counts (one small row each, written with every batch) says *that* frames
 * came, and the listing follows at most every 300 ms, the last change always included. Read
 * transactions on the log hold up the background's writes to it, so fewer reads keep more frames.
 */
export function useFrameListing(db: PatchbayDatabase, filter: FrameFilter): FrameListing | undefined {
  const key = JSON.stringify(filter);
  const stamp = useLiveQuery(async () => JSON.stringify(await db.protocolLogStats.toArray()), [db]);
  const [listing, setListing] = useState<{ key: string; ids: FrameListing } | undefined>(undefined);
  const latest = useRef(filter);
  latest.current = filter;
  // A page that was hidden may have missed change notices: read again when it shows.
  const [shownAt, setShownAt] = useState(0);
  useEffect(() => {
    const shown = () => document.visibilityState === 'visible' && setShownAt(Date.now());
    document.addEventListener('visibilitychange', shown);
    return () => document.removeEventListener('visibilitychange', shown);
  }, []);

  // One reader per database, filter and showing: a change notice during a read asks for one more
  // read after it (never cancels it), so a flood whose notices come faster than a read finishes
  // still lands, and the last change is always read.
  const scheduleRef = useRef<(() => void) | null>(null);
  useEffect(() => {
    let live = true;
    const state = { busy: false, again: false, lastStart: 0, timer: 0 as ReturnType<typeof setTimeout> | 0 };
    const read = async () => {
      state.busy = true;
      state.again = false;
      state.lastStart = Date.now();
      const filterNow = latest.current;
      const ids = await listFrames(db, filterNow).catch(() => null);
      state.busy = false;
      if (!live) return;
      if (ids) setListing({ key: JSON.stringify(filterNow), ids });
      if (state.again) schedule();
    };
    const schedule = () => {
      if (state.busy) {
        state.again = true;
        return;
      }
      if (state.timer) return;
      const wait = Math.max(0, state.lastStart + AT_MOST_EVERY_MS - Date.now());
      state.timer = setTimeout(() => {
        state.timer = 0;
        void read();
      }, wait);
    };
    scheduleRef.current = schedule;
    schedule();
    return () => {
      live = false;
      scheduleRef.current = null;
      if (state.timer) clearTimeout(state.timer);
    };
  }, [db, key, shownAt]);
  useEffect(() => {
    if (stamp !== undefined) scheduleRef.current?.();
  }, [stamp]);

  // A listing read for other filters is not shown for these.
  return listing && listing.key === key ? listing.ids : undefined;
}
