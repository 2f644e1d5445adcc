import type { Table, Transaction } from 'dexie';

/**
 * Version 6's one-time clean-up: eval suites, eval runs, saved calls and what-if overrides whose
 * connector was removed before removal took them along, and runs whose suite is gone. A row whose
 * connector id is not even a string is left for the readers to quarantine: it names no connector
 * this could prove gone.
 */
export async function dropOrphanedWorkbench(tx: Transaction): Promise<void> {
  const connectors = new Set(await tx.table('connectors').toCollection().primaryKeys());
  const orphaned = (row: Record<string, unknown>) => typeof row.connectorId === 'string' && !connectors.has(row.connectorId);
  for (const name of ['evalSuites', 'savedCalls', 'toolOverrides']) await dropWhere(tx.table(name), orphaned);
  const suites = new Set(await tx.table('evalSuites').toCollection().primaryKeys());
  await dropWhere(tx.table('evalRuns'), (row) => orphaned(row) || (typeof row.suiteId === 'string' && !suites.has(row.suiteId)));
}

async function dropWhere(table: Table, doomed: (row: Record<string, unknown>) => boolean): Promise<void> {
  await table.toCollection().modify((row: Record<string, unknown>, ref: { value?: unknown }) => {
    if (doomed(row)) delete ref.value;
  });
}
