import type { Transaction } from 'dexie';
import { dropOrphanedRequests } from './drop-orphaned-requests';
import { dropOrphanedWorkbench } from './drop-orphaned-workbench';

/**
 * One step in the database's history. Steps are only ever appended: a user's database may be at
 * any earlier version, and Dexie replays the upgrades between it and the newest in order.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/** Every list the panel shows has an index that serves it, so start-up never reads a whole table. */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      connectors: 'id, &label, updatedAt',
      conversations: 'id, updatedAt',
      messages: 'id, [conversationId+seq]',
      decisions: 'id, [conversationId+connectorId+toolName]',
      audit: '++id, at, conversationId',
      protocolLog: '++id, [connectorId+at]',
    },
  },
  {
    // Connectors learn their negotiated session, their timeout and the Origin option; the protocol
    // log keeps counts of what it has seen and dropped.
    version: 2,
    stores: { protocolLogStats: 'connectorId' },
    upgrade: async (tx) => {
      await tx
        .table('connectors')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          row.transportUsed ??= null;
          row.serverInfo ??= null;
          row.capabilities ??= null;
          row.toolChanges ??= null;
          row.timeoutMs ??= 120_000;
          row.omitOrigin ??= false;
        });
    },
  },
  {
    // Requests from servers (elicitation, sampling) wait here for the person, listed per
    // conversation and by status (pending ones are settled when a restarted worker wakes).
    version: 3,
    stores: { serverRequests: 'id, [conversationId+receivedAt], [status+receivedAt], connectorId' },
  },
  {
    // The connector author's workbench: eval suites and their runs per connector, local what-if
    // description overrides per tool, and hand runs saved by name to run again.
    version: 4,
    stores: {
      evalSuites: 'id, connectorId, updatedAt',
      evalRuns: 'id, [suiteId+startedAt]',
      toolOverrides: 'id, [connectorId+toolName]',
      savedCalls: 'id, [connectorId+toolName], savedAt',
    },
  },
  {
    // Settled server requests are pruned per connector and per conversation (see
    // `ServerRequestRetention`) through these ranges of `done` rows. The upgrade drops the
    // settled rows left behind by conversations and connectors deleted before that.
    version: 5,
    stores: { serverRequests: 'id, [conversationId+receivedAt], [status+receivedAt], connectorId, [connectorId+status+receivedAt], [connectorId+status+conversationId], [conversationId+status+receivedAt]' },
    upgrade: dropOrphanedRequests,
  },
  {
    // Removing a connector now takes its workbench rows with it; the upgrade drops the ones left
    // behind before. The wake's eval sweep reads the runs left running through `status.type`, and
    // the server-request audit is capped per connector through `[kind+connectorId+at]`.
    version: 6,
    stores: {
      evalRuns: 'id, [suiteId+startedAt], connectorId, status.type',
      audit: '++id, at, conversationId, [kind+connectorId+at]',
    },
    upgrade: dropOrphanedWorkbench,
  },
];

export const LATEST_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
