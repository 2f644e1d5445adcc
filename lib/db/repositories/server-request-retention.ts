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

/**
 * Deletes what {@link RequestRetentionPolicy} no longer keeps, always through an index: the
 * `[connectorId+status+…]` and `[conversationId+status+receivedAt]` ranges of `done` rows, never
 * the whole table. Rows are not zod-parsed here, so a damaged one is pruned like any other. Used
 * only by the background.
 */
export class ServerRequestRetention {
  constructor(
    private readonly db: PatchbayDatabase,
    readonly policy: RequestRetentionPolicy = DEFAULT_REQUEST_RETENTION,
  ) {}

  /**
   * Bounds one connector's settled rows outside stored conversations: beyond the newest
   * `settledPerConnector`, or older than `maxAgeMs`, they go, and so does one whose conversation
   * is gone. Those of stored conversations stay. Answers how many were deleted. It reads index
   * keys only, never a row: a connector's history can hold thousands of large requests.
   */
  async pruneConnector(connectorId: string, now: number = Date.now()): Promise<number> {
    const cutoff = now - this.policy.maxAgeMs;
    const byTime = this.db.serverRequests.where('[connectorId+status+receivedAt]');
    const settled = () => byTime.between([connectorId, 'done', Dexie.minKey], [connectorId, 'done', Dexie.maxKey], true, true);
    // Rows without a conversation are absent from this index (IndexedDB does not index null).
    const inConversations = this.db.serverRequests.where('[connectorId+status+conversationId]').between([connectorId, 'done', Dexie.minKey], [connectorId, 'done', Dexie.maxKey], true, true);
    const [all, attached, old] = await Promise.all([settled().count(), inConversations.count(), byTime.between([connectorId, 'done', Dexie.minKey], [connectorId, 'done', cutoff], true, false).count()]);
    // The common case costs three index counts.
    if (all - attached <= this.policy.settledPerConnector && old === 0) return 0;
    const conversationOf = new Map<string, string>();
    await inConversations.eachKey((key, cursor) => conversationOf.set(String(cursor.primaryKey), String((key as unknown[])[2])));
    const stored = await this.storedConversations([...new Set(conversationOf.values())]);
    const newestFirst: { id: string; receivedAt: number }[] = [];
    await settled().reverse().eachKey((key, cursor) => newestFirst.push({ id: String(cursor.primaryKey), receivedAt: Number((key as unknown[])[2]) }));
    let kept = 0;
    const doomed: string[] = [];
    for (const { id, receivedAt } of newestFirst) {
      const conversationId = conversationOf.get(id);
      if (conversationId !== undefined) {
        // Its conversation's own, unless that was deleted (a deletion takes them at once; this catches any left).
        if (!stored.has(conversationId)) doomed.push(id);
      } else if (receivedAt >= cutoff && kept < this.policy.settledPerConnector) kept += 1;
      else doomed.push(id);
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

  private async storedConversations(ids: readonly string[]): Promise<Set<string>> {
    return new Set((await this.db.conversations.where(':id').anyOf(ids).primaryKeys()) as string[]);
  }

  private async deleteIds(ids: readonly string[]): Promise<number> {
    for (let start = 0; start < ids.length; start += DELETE_CHUNK) {
      await this.db.serverRequests.bulkDelete(ids.slice(start, start + DELETE_CHUNK));
    }
    return ids.length;
  }
}
