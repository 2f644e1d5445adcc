import type { PatchbayDatabase } from '../database';
import { parseRow } from '../corrupt-row-error';
import { AuditRowSchema, type AuditRow } from '../rows';
import { ServerRequestRowSchema, type ServerRequestRow, type ServerRequestStatus } from '../../contract/server-request';

/** The statuses of a request someone may still answer; `done` is the only terminal one. */
export const UNSETTLED_STATUSES: readonly ServerRequestStatus[] = ['pending', 'sampling', 'review'];

/** What a settled row gets: how it ended, why, what was sent, when. */
export type SettledPatch = Required<Pick<ServerRequestRow, 'outcome' | 'answeredAt'>> & Pick<ServerRequestRow, 'reason' | 'response'>;

/**
 * Requests from servers, written only by the background. A request is settled once: `settle`
 * checks and writes in one transaction with its audit entry, so two answers (the person and an
 * expiry) can never both land, and there is never an answer without its audit.
 */
export class ServerRequestsRepository {
  constructor(private readonly db: PatchbayDatabase) {}

  async add(row: ServerRequestRow): Promise<void> {
    await this.db.serverRequests.add(ServerRequestRowSchema.parse(row));
  }

  async get(id: string): Promise<ServerRequestRow | undefined> {
    const row = await this.db.serverRequests.get(id);
    return row && parseRow('serverRequests', ServerRequestRowSchema, row);
  }

  /**
   * Ends the request unless it already ended; the audit entry is built from the settled row and
   * written in the same transaction. Answers the settled row, or `undefined` if it was done already.
   */
  async settle(id: string, patch: SettledPatch, auditOf: (row: ServerRequestRow) => Omit<AuditRow, 'id'>): Promise<ServerRequestRow | undefined> {
    return this.db.transaction('rw', this.db.serverRequests, this.db.audit, async () => {
      const stored = await this.get(id);
      if (!stored || stored.status === 'done') return undefined;
      const settled = ServerRequestRowSchema.parse({ ...stored, ...patch, status: 'done' });
      await this.db.serverRequests.put(settled);
      await this.db.audit.add(AuditRowSchema.parse(auditOf(settled)));
      return settled;
    });
  }

  /** Moves an unsettled request on (sampling: approved, answer under review); `undefined` if it ended. */
  async advance(id: string, patch: Partial<Pick<ServerRequestRow, 'status' | 'draft' | 'completedAt' | 'reason'>>): Promise<ServerRequestRow | undefined> {
    if (patch.status === 'done') throw new Error('A request ends only through settle(), which audits it.');
    return this.db.transaction('rw', this.db.serverRequests, async () => {
      const stored = await this.get(id);
      if (!stored || stored.status === 'done') return undefined;
      const next = ServerRequestRowSchema.parse({ ...stored, ...patch });
      await this.db.serverRequests.put(next);
      return next;
    });
  }

  /** Every request not yet ended, oldest first (a restarted worker settles them all). */
  async unsettled(): Promise<ServerRequestRow[]> {
    const rows = await Promise.all(UNSETTLED_STATUSES.map((status) => this.db.serverRequests.where('[status+receivedAt]').between([status, 0], [status, Infinity]).toArray()));
    return rows.flat().map((row) => parseRow('serverRequests', ServerRequestRowSchema, row)).sort((a, b) => a.receivedAt - b.receivedAt);
  }

  /** A connector's requests, newest first (the connector's index; for a match by params or origin). */
  async ofConnector(connectorId: string): Promise<ServerRequestRow[]> {
    const rows = await this.db.serverRequests.where('connectorId').equals(connectorId).toArray();
    return rows.map((row) => parseRow('serverRequests', ServerRequestRowSchema, row)).sort((a, b) => b.receivedAt - a.receivedAt);
  }

  /**
   * A lost request's answer, sent after all once the restarted worker found the same session:
   * recorded on the row and in the audit, in one transaction.
   */
  async noteSentAfterWake(id: string, response: Record<string, unknown>, reason: string, auditOf: (row: ServerRequestRow) => Omit<AuditRow, 'id'>): Promise<void> {
    await this.db.transaction('rw', this.db.serverRequests, this.db.audit, async () => {
      const stored = await this.get(id);
      if (!stored || stored.status !== 'done' || stored.response !== undefined) return;
      const next = ServerRequestRowSchema.parse({ ...stored, response, reason, answeredAt: Date.now() });
      await this.db.serverRequests.put(next);
      await this.db.audit.add(AuditRowSchema.parse(auditOf(next)));
    });
  }

  /** Writes a field that may change after the request ended (URL elicitation: completed). */
  async mark(id: string, patch: Pick<ServerRequestRow, 'completedAt'>): Promise<void> {
    await this.db.serverRequests.update(id, patch);
  }
}
