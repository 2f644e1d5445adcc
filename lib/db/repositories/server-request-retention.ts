import Dexie from 'dexie';
import type { PatchbayDatabase } from '../database';

const DAY_MS = 24 * 60 * 60 * 1_000;

/** Rows deleted per transaction, so a big prune never holds the table long against an answer. */
const DELETE_CHUNK = 500;

/**
 * How much of the server requests' history is kept. Only settled (`done`) rows ever go: an open
 * request waits for the person, and nothing answers it for them. A settled row is the card that
 * shows how a request ended; the audit keeps the decision itself, whatever this drops.
 */
export interface RequestRetentionPolicy {
  /**
   * Settled rows kept per connector outside stored conversations (hand runs, requests outside any
   * chat), newest first: the DevTools history a person scrolls back through.
   */
  settledPerConnector: number;
  /** Settled rows outside stored conversations older than this go even under the count. */
  maxAgeMs: number;
  /**
   * Settled rows kept per stored conversation, newest first. A conversation keeps its cards while
   * it exists; this bound is only for a server that floods one chat with thousands of requests.
   */
  settledPerConversation: number;
}

export const DEFAULT_REQUEST_RETENTION: RequestRetentionPolicy = {
  settledPerConnector: 200,
  maxAgeMs: 30 * DAY_MS,
  settledPerConversation: 500,
};

/** The raw fields a prune reads: rows are not zod-parsed here, so a damaged one is pruned like any other. */
interface StoredRequest {
  id: string;
  conversationId?: string | null;
  receivedAt?: number;
}

/**
 * Deletes what {@link RequestRetentionPolicy} no longer keeps, always through an index: the
 * `[connectorId+status+receivedAt]` and `[conversationId+status+receivedAt]` ranges of `done` rows,
 * never the whole table. Written only by the background.
 */
export class ServerRequestRetention {
  constructor(
    private readonly db: PatchbayDatabase,
    readonly policy: RequestRetentionPolicy = DEFAULT_REQUEST_RETENTION,
  ) {}

  /**
   * Bounds one connector's settled rows outside stored conversations: beyond the newest
   * `settledPerConnector`, or older than `maxAgeMs`, they go, and so does one whose conversation
   * is gone. Those of stored conversations stay. Answers how many were deleted.
   */
  async pruneConnector(connectorId: string, now: number = Date.now()): Promise<number> {
    const index = this.db.serverRequests.where('[connectorId+status+receivedAt]');
    const settled = index.between([connectorId, 'done', Dexie.minKey], [connectorId, 'done', Dexie.maxKey], true, true);
    const tooOld = index.between([connectorId, 'done', Dexie.minKey], [connectorId, 'done', now - this.policy.maxAgeMs], true, false);
    // The common case costs two index counts and reads no row.
    if ((await settled.count()) <= this.policy.settledPerConnector && (await tooOld.count()) === 0) return 0;
    const rows = (await settled.reverse().toArray()) as StoredRequest[];
    const stored = await this.storedConversations(rows);
    let kept = 0;
    const doomed: string[] = [];
    for (const row of rows) {
      if (row.conversationId && stored.has(row.conversationId)) continue;
      // Its conversation was deleted: it goes with it (a deletion does this at once; this catches any left).
      if (row.conversationId) {
        doomed.push(row.id);
        continue;
      }
      const fresh = (row.receivedAt ?? 0) >= now - this.policy.maxAgeMs;
      if (fresh && kept < this.policy.settledPerConnector) kept += 1;
      else doomed.push(row.id);
    }
    return this.deleteIds(doomed);
  }

  /** Bounds one conversation's settled rows to the newest `settledPerConversation`. */
  async pruneConversation(conversationId: string): Promise<number> {
    const settled = this.db.serverRequests
      .where('[conversationId+status+receivedAt]')
      .between([conversationId, 'done', Dexie.minKey], [conversationId, 'done', Dexie.maxKey], true, true);
    const excess = (await settled.count()) - this.policy.settledPerConversation;
    if (excess <= 0) return 0;
    return this.deleteIds((await settled.limit(excess).primaryKeys()) as string[]);
  }

  /**
   * Every connector id that has stored requests, from the connector index's keys alone: the wake
   * sweep's list, which also finds rows of a connector removed before removal cleared them.
   */
  async connectorIds(): Promise<string[]> {
    return (await this.db.serverRequests.orderBy('connectorId').uniqueKeys()) as string[];
  }

  /**
   * Deletes every row of a connector, open or settled: the wake's clean-up after a removal the
   * worker did not finish (`ConnectorsRepository.remove` does the same in its own transaction).
   */
  async forgetConnector(connectorId: string): Promise<number> {
    return this.db.serverRequests.where('connectorId').equals(connectorId).delete();
  }

  private async storedConversations(rows: readonly StoredRequest[]): Promise<Set<string>> {
    const ids = [...new Set(rows.flatMap((row) => (row.conversationId ? [row.conversationId] : [])))];
    const found = await this.db.conversations.bulkGet(ids);
    return new Set(ids.filter((_, at) => found[at] !== undefined));
  }

  private async deleteIds(ids: readonly string[]): Promise<number> {
    for (let start = 0; start < ids.length; start += DELETE_CHUNK) {
      await this.db.serverRequests.bulkDelete(ids.slice(start, start + DELETE_CHUNK));
    }
    return ids.length;
  }
}
