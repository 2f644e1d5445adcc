import Dexie from 'dexie';
import type { PatchbayDatabase } from '../database';

/**
 * The tables whose rows belong to one connector and mean nothing without it: its server requests,
 * eval suites and their runs, saved calls and what-if overrides. The audit is not among them: it is
 * the record of what was decided, and outlives the connector.
 */
export function tablesOfConnector(db: PatchbayDatabase) {
  return [db.serverRequests, db.evalSuites, db.evalRuns, db.savedCalls, db.toolOverrides];
}

/**
 * Deletes every row of {@link tablesOfConnector} that belongs to `connectorId`, each through an
 * index (never a table scan). Call it inside a transaction over those tables, so the connector row
 * and its rows go together or not at all.
 */
export async function deleteRowsOfConnector(db: PatchbayDatabase, connectorId: string): Promise<void> {
  const byTool: [unknown[], unknown[]] = [[connectorId, Dexie.minKey], [connectorId, Dexie.maxKey]];
  await db.serverRequests.where('connectorId').equals(connectorId).delete();
  await db.evalRuns.where('connectorId').equals(connectorId).delete();
  await db.evalSuites.where('connectorId').equals(connectorId).delete();
  await db.savedCalls.where('[connectorId+toolName]').between(...byTool, true, true).delete();
  await db.toolOverrides.where('[connectorId+toolName]').between(...byTool, true, true).delete();
}
