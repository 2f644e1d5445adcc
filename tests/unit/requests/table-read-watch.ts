import type { DBCoreQuery } from 'dexie';
import type { PatchbayDatabase } from '@/lib/db/database';

/** Dexie's `DBCoreRangeType.Any` (a const enum, so not importable at run time): the whole index. */
const WHOLE_RANGE = 3;

/** What a watched table was asked for, live. */
export interface TableReads {
  /** Reads of rows over a whole range (a full-table scan); reading an index's keys alone is not one. */
  fullScans: string[];
  /** Every read that returned rows, not just keys. */
  rowReads: string[];
}

/** Records a table's reads through a DBCore middleware. Call before `open()`. */
export function watchReads(db: PatchbayDatabase, tableName: string): TableReads {
  const reads: TableReads = { fullScans: [], rowReads: [] };
  const note = (how: string, query: DBCoreQuery, values: boolean | undefined) => {
    if (values === false) return;
    const what = `${how} over ${query.index.name || 'the primary key'}`;
    reads.rowReads.push(what);
    if (query.range.type === WHOLE_RANGE) reads.fullScans.push(what);
  };
  db.use({
    stack: 'dbcore',
    name: 'read-watch',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== tableName) return table;
        return {
          ...table,
          query: (request) => (note('query', request.query, request.values), table.query(request)),
          openCursor: (request) => (note('cursor', request.query, request.values), table.openCursor(request)),
          get: (request) => (reads.rowReads.push('get'), table.get(request)),
          getMany: (request) => (reads.rowReads.push('getMany'), table.getMany(request)),
        };
      },
    }),
  });
  return reads;
}
