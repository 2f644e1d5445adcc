import type { DBCoreQuery } from 'dexie';
import type { PatchbayDatabase } from '@/lib/db/database';

/** Dexie's `DBCoreRangeType.Any` (a const enum, so not importable at run time): the whole index. */
const WHOLE_RANGE = 3;

/**
 * Records every read of a table's rows over its whole range (a full-table scan), through a DBCore
 * middleware; reading an index's keys alone is not one. Call before `open()`. Answers the live list.
 */
export function watchFullScans(db: PatchbayDatabase, tableName: string): string[] {
  const scans: string[] = [];
  const note = (how: string, query: DBCoreQuery, values: boolean | undefined) => {
    if (query.range.type === WHOLE_RANGE && values !== false) scans.push(`${how} over ${query.index.name || 'the primary key'}`);
  };
  db.use({
    stack: 'dbcore',
    name: 'full-scan-watch',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== tableName) return table;
        return {
          ...table,
          query: (request) => (note('query', request.query, request.values), table.query(request)),
          openCursor: (request) => (note('cursor', request.query, request.values), table.openCursor(request)),
        };
      },
    }),
  });
  return scans;
}
