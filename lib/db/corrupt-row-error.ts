import type { z } from 'zod';

/** A stored row that no longer matches its schema: reported by table and id, never half-used. */
export class CorruptRowError extends Error {
  override readonly name = 'CorruptRowError';

  constructor(
    readonly table: string,
    readonly rowId: unknown,
    readonly issues: string,
  ) {
    super(`Stored ${table} row ${String(rowId)} is malformed: ${issues}`);
  }
}

/** Parses a row read from IndexedDB; what went in through a repository must come out valid. */
export function parseRow<S extends z.ZodType>(table: string, schema: S, row: unknown): z.infer<S> {
  const parsed = schema.safeParse(row);
  if (parsed.success) return parsed.data;
  const id = (row as { id?: unknown } | null)?.id;
  throw new CorruptRowError(table, id, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
}
