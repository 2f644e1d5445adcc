import Dexie from 'dexie';
import type { PatchbayDatabase } from '../database';
import { parseRow } from '../corrupt-row-error';
import { AuditRowSchema, DecisionRowSchema, type AuditRow, type DecisionRow } from '../rows';

/** Remembered approvals per conversation and tool, and the append-only audit beside them. */
export class DecisionsRepository {
  constructor(private readonly db: PatchbayDatabase) {}

  /** The remembered decision for a tool, only if it was made for this exact tool definition. */
  async find(key: Pick<DecisionRow, 'conversationId' | 'connectorId' | 'toolName' | 'toolFingerprint'>) {
    const rows = await this.toolKey(key.conversationId, key.connectorId, key.toolName).toArray();
    const match = rows.find((row) => row.toolFingerprint === key.toolFingerprint);
    return match && parseRow('decisions', DecisionRowSchema, match);
  }

  /** Every stored decision for one tool in one conversation; the policy picks the one that applies. */
  async forTool(conversationId: string, connectorId: string, toolName: string): Promise<DecisionRow[]> {
    const rows = await this.toolKey(conversationId, connectorId, toolName).toArray();
    return rows.map((row) => parseRow('decisions', DecisionRowSchema, row));
  }

  /** Forgets every remembered decision of a conversation (inside the caller's transaction, if any); the audit stays. */
  async clear(conversationId: string): Promise<void> {
    // A two-part range covers every [id, connector, tool] key: arrays compare element by element.
    await this.index().between([conversationId, Dexie.minKey], [conversationId, Dexie.maxKey], true, true).delete();
  }

  /**
   * Stores a decision and its audit entry in one transaction: there is never one without the other.
   * `detail` adds to the audit entry (the call it was made on, an edited input).
   */
  async remember(row: DecisionRow, detail: Record<string, unknown> = {}): Promise<void> {
    const decision = DecisionRowSchema.parse(row);
    await this.db.transaction('rw', this.db.decisions, this.db.audit, async () => {
      await this.db.decisions.put(decision);
      await this.appendAudit({
        at: decision.decidedAt,
        kind: decision.decision === 'allow' ? 'approved' : 'denied',
        conversationId: decision.conversationId,
        connectorId: decision.connectorId,
        toolName: decision.toolName,
        detail: { ...detail, remembered: true, toolFingerprint: decision.toolFingerprint },
      });
    });
  }

  async appendAudit(entry: Omit<AuditRow, 'id'>): Promise<void> {
    await this.db.audit.add(AuditRowSchema.parse(entry));
  }

  private toolKey(conversationId: string, connectorId: string, toolName: string) {
    return this.index().equals([conversationId, connectorId, toolName]);
  }

  private index() {
    return this.db.decisions.where('[conversationId+connectorId+toolName]');
  }
}
