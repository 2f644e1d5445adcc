import { PatchbayDatabase } from './database';
import { DatabaseOpenError } from './database-open-error';
import { LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS } from './schema-versions';

/**
 * Opens the database and turns every way that can fail into a {@link DatabaseOpenError}, so the
 * panel can show what went wrong instead of a blank page. Dexie opens a database whose version is
 * higher than ours as it is; the tables we need must still be there, or we refuse it.
 */
export async function openDatabase(name?: string): Promise<PatchbayDatabase> {
  const db = new PatchbayDatabase(name);
  try {
    await db.open();
  } catch (cause) {
    db.close();
    throw DatabaseOpenError.from(cause);
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
