import { PatchbayDatabase } from './database';
import { DatabaseOpenError } from './database-open-error';
import { LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS } from './schema-versions';

/** How long an upgrade may wait on an older connection before it fails as `blocked`. */
export const DEFAULT_BLOCKED_GRACE_MS = 3_000;

export interface OpenDatabaseOptions {
  /** Overrides {@link DEFAULT_BLOCKED_GRACE_MS}; tests use a short one. */
  blockedGraceMs?: number;
}

/**
 * Opens the database and turns every way that can fail into a {@link DatabaseOpenError}, so the
 * panel can show what went wrong instead of a blank page. Dexie opens a database whose version is
 * higher than ours as it is; the tables we need must still be there, or we refuse it.
 */
export async function openDatabase(name?: string, options: OpenDatabaseOptions = {}): Promise<PatchbayDatabase> {
  const db = new PatchbayDatabase(name);
  let blockedTimer: ReturnType<typeof setTimeout> | undefined;
  let blocked = false;
  // IndexedDB waits for ever while another connection holds an older version open; give it a
  // moment to close, then stop waiting and say why (closing cancels the pending open).
  db.on('blocked', () => {
    blockedTimer ??= setTimeout(() => ((blocked = true), db.close()), options.blockedGraceMs ?? DEFAULT_BLOCKED_GRACE_MS);
  });
  try {
    await db.open();
  } catch (cause) {
    db.close();
    throw blocked ? new DatabaseOpenError('blocked', 'The upgrade was blocked by a connection at an older version that did not close.') : DatabaseOpenError.from(cause);
  } finally {
    clearTimeout(blockedTimer);
  }
  const missing = missingTables(db);
  if (missing.length === 0) return db;
  // Dexie stores version N as IndexedDB version 10·N.
  const found = db.backendDB().version / 10;
  db.close();
  const detail = `version ${found} lacks tables: ${missing.join(', ')}`;
  throw new DatabaseOpenError(found > LATEST_SCHEMA_VERSION ? 'newer-version' : 'corrupt', detail);
}

function missingTables(db: PatchbayDatabase): string[] {
  const present = db.backendDB().objectStoreNames;
  const required = new Set(SCHEMA_VERSIONS.flatMap((step) => Object.entries(step.stores)));
  return [...required].filter(([, spec]) => spec !== null).map(([table]) => table).filter((table) => !present.contains(table));
}
