import Dexie from 'dexie';
import type { PatchbayDatabase } from '../database';
import type { ConnectorRow } from '../rows';

/**
 * Parsed connector rows kept in memory, one cache per open database (every repository over it
 * shares it), so a tool call does not read and zod-parse its connector's row from IndexedDB on
 * each call. Emptied at once by the repository's own writes, and by Dexie's `storagemutated`
 * for any other write to the table (another context, a direct table write), so a read never
 * returns a row older than the last write. Every caller shares the same
 * object: read it, never change it (a change goes through the repository, which stores it).
 */
export class ConnectorRowCache {
  private readonly rows = new Map<string, ConnectorRow | undefined>();
  /** Bumped by every invalidation: a read begun before one must not fill the cache. */
  private generation = 0;

  constructor(db: PatchbayDatabase) {
    const prefix = `idb://${db.name}/connectors/`;
    // Held weakly: a closed database's cache (many in tests) is collected, and then stops listening.
    const self = new WeakRef(this);
    const listener = (parts: Record<string, unknown>) => {
      const cache = self.deref();
      if (!cache) return Dexie.on('storagemutated').unsubscribe(listener);
      if (Object.keys(parts).some((key) => key === 'all' || key.startsWith(prefix))) cache.invalidate();
    };
    Dexie.on('storagemutated', listener);
  }

  /** The cached row (or its known absence), else `read()` once, kept unless a write came meanwhile. */
  async get(id: string, read: () => Promise<ConnectorRow | undefined>): Promise<ConnectorRow | undefined> {
    if (this.rows.has(id)) return this.rows.get(id);
    const generation = this.generation;
    const row = await read();
    if (generation === this.generation) this.rows.set(id, row);
    return row;
  }

  invalidate(): void {
    this.generation += 1;
    this.rows.clear();
  }
}

const caches = new WeakMap<PatchbayDatabase, ConnectorRowCache>();

/** The one cache of `db`'s connector rows. */
export function connectorRowCache(db: PatchbayDatabase): ConnectorRowCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new ConnectorRowCache(db)));
  return cache;
}
