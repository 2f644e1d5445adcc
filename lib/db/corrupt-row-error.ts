/**
 * What a row reader needs of a schema: zod's `safeParse`, which a zod schema and a zod-free check
 * (`asSchema`, lib/contract/plain-object-checks.ts) both have.
 */
export interface RowSchema<T> {
  safeParse(row: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

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
export function parseRow<T>(table: string, schema: RowSchema<T>, row: unknown): T {
  const parsed = schema.safeParse(row);
  if (parsed.success) return parsed.data;
  const id = (row as { id?: unknown } | null)?.id;
  throw new CorruptRowError(table, id, parsed.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; '));
}
