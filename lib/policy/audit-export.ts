import { AuditRowSchema, type AuditRow } from '../db/rows';

/** Bumped when the export's shape changes, so a reader can tell old files from new. */
export const AUDIT_EXPORT_VERSION = 1;

/**
 * The audit as a JSON document the user can keep or hand to someone else: every decision and
 * every write call, oldest first, with readable times beside the epoch milliseconds. Rows are
 * validated on the way out, so a corrupt row fails the export instead of hiding in it.
 */
export function auditToJson(rows: readonly AuditRow[], exportedAt = Date.now()): string {
  const entries = rows
    .map((row) => AuditRowSchema.parse(row))
    .sort((a, b) => a.at - b.at || (a.id ?? 0) - (b.id ?? 0))
    .map((row) => ({ ...row, time: new Date(row.at).toISOString() }));
  return JSON.stringify({ format: 'patchbay-audit', version: AUDIT_EXPORT_VERSION, exportedAt: new Date(exportedAt).toISOString(), entries }, null, 2);
}
