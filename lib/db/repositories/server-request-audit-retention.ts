import Dexie from 'dexie';
import type { PatchbayDatabase } from '../database';

/**
 * Audit entries of settled server requests (elicitation, sampling) kept per connector, newest
 * first. A flooding server writes one per request; decisions on tool calls, write calls and hand
 * runs are other kinds, and are never pruned.
 */
export const AUDITED_REQUESTS_PER_CONNECTOR = 1_000;

/**
 * Most bytes of a server's request params one such entry keeps (their JSON text, UTF-8); the rest
 * is cut with a `truncated: N bytes` marker (see `boundedParams` in lib/requests).
 */
export const AUDIT_PARAMS_MAX_BYTES = 8 * 1024;

/** Entries deleted per transaction, so a big prune never holds the audit long against a decision. */
const DELETE_CHUNK = 500;

/** The one kind of audit entry this prunes. */
const KIND = 'server-request';

/**
 * Caps each connector's `server-request` audit entries to the newest `perConnector`, through the
 * `[kind+connectorId+at]` index alone: counts and primary keys, never a row (entries can be large),
 * never another kind. Used only by the background, from the request pruner.
 */
export class ServerRequestAuditRetention {
  constructor(
    private readonly db: PatchbayDatabase,
    readonly perConnector: number = AUDITED_REQUESTS_PER_CONNECTOR,
  ) {}

  /** Deletes the connector's oldest server-request entries beyond the cap; answers how many. */
  async pruneConnector(connectorId: string): Promise<number> {
    const entries = this.db.audit.where('[kind+connectorId+at]').between([KIND, connectorId, Dexie.minKey], [KIND, connectorId, Dexie.maxKey], true, true);
    const excess = (await entries.count()) - this.perConnector;
    if (excess <= 0) return 0;
    // Oldest first: by time, then by the order they were written in.
    const doomed = (await entries.limit(excess).primaryKeys()) as number[];
    for (let start = 0; start < doomed.length; start += DELETE_CHUNK) await this.db.audit.bulkDelete(doomed.slice(start, start + DELETE_CHUNK));
    return doomed.length;
  }

  /**
   * Every connector id with server-request entries, removed connectors' too (their entries stay
   * after removal, capped all the same): a skip over the index, one key read per connector.
   */
  async connectorIds(): Promise<string[]> {
    const ids: string[] = [];
    const index = this.db.audit.where('[kind+connectorId+at]');
    for (;;) {
      const from = ids.length === 0 ? [KIND, Dexie.minKey, Dexie.minKey] : [KIND, ids[ids.length - 1], Dexie.maxKey];
      // `[KIND, maxKey]` sorts after every `[KIND, id, at]` (one key may not hold the same array twice).
      const [key] = await index.between(from, [KIND, Dexie.maxKey], false, true).limit(1).keys();
      if (!Array.isArray(key) || typeof key[1] !== 'string') return ids;
      ids.push(key[1]);
    }
  }
}
