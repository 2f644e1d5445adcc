import { CorruptRowError, parseRow, type RowSchema } from './corrupt-row-error';

/**
 * A stored row that fails its schema. It is kept out of use (never half-used) but not hidden:
 * the screen that lists its table shows it with this message and lets the user remove it, so one
 * damaged row never takes the healthy ones down with it.
 */
export interface QuarantinedRow {
  /** The row's primary key when it is a string (what Remove needs); null when even that is damaged. */
  id: string | null;
  /** The row's own label when it still has a readable one, to tell the user which it was. */
  label: string | null;
  /** What is wrong, field by field. */
  message: string;
}

/** The rows that parse, in order, and the ones that do not, quarantined. */
export interface PartitionedRows<T> {
  rows: T[];
  corrupt: QuarantinedRow[];
}

/** Parses each stored row on its own, so a corrupt one is set apart instead of failing the read. */
export function partitionRows<T>(table: string, schema: RowSchema<T>, stored: readonly unknown[]): PartitionedRows<T> {
  const rows: T[] = [];
  const corrupt: QuarantinedRow[] = [];
  for (const row of stored) {
    try {
      rows.push(parseRow(table, schema, row));
    } catch (error) {
      if (!(error instanceof CorruptRowError)) throw error;
      corrupt.push({ id: stringField(row, 'id'), label: stringField(row, 'label'), message: error.message });
    }
  }
  return { rows, corrupt };
}

function stringField(row: unknown, key: string): string | null {
  if (typeof row !== 'object' || row === null) return null;
  const value = (row as Record<string, unknown>)[key];
  return typeof value === 'string' && value.length > 0 ? value : null;
}
