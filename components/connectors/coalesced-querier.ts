import Dexie from 'dexie';

/** How long a live query waits after a change before it reads again, gathering the writes of a burst. */
export const COALESCE_MS = 50;

/**
 * A live query's querier that reads at once the first time, and afterwards waits `waitMs` before
 * each read, so a burst of writes (twenty connectors storing their tool lists in one Refresh)
 * costs a few reads of every row instead of one each: Dexie runs a querier again once after it
 * returns when writes landed meanwhile. `Dexie.waitFor` keeps the live query's observation
 * context across the wait (outside a transaction it costs nothing).
 */
export function coalescedQuerier<T>(read: () => Promise<T>, waitMs = COALESCE_MS): () => Promise<T> {
  let first = true;
  return async () => {
    if (first) {
      first = false;
      return read();
    }
    await Dexie.waitFor(new Promise((resolve) => setTimeout(resolve, waitMs)));
    return read();
  };
}
