import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { DecisionsRepository } from '../db/repositories/decisions-repository';
import type { ConnectorRow } from '../db/rows';
import { resolveClaims, riskOf, type ToolRisk } from '../policy/tool-policy';

/**
 * How a hand run ended, as the audit records it (a schema-refused run was never sent, so is not
 * one); `outcome-unknown`: the worker died while it was under way.
 */
export type HandRunOutcome = 'ok' | 'error' | 'cancelled' | 'outcome-unknown';

/** What the audit keeps of one hand run: the input the person sent and what came of it. */
export interface HandRunRecord {
  callId: string;
  input: Record<string, unknown>;
  outcome: HandRunOutcome;
  /** The server's own `isError`, or a failed request. */
  isError: boolean;
  /** Null when the outcome is unknown. */
  durationMs: number | null;
  /** The failure in words, when the request itself failed. */
  error?: string;
}

/**
 * Which hand runs the audit records: the ones the chat would have put on a card. A tool that
 * claims `readOnlyHint` is not audited (as in the chat), unless the connector is set to ask before
 * every tool, where the user has said they do not take the server's word for it.
 */
export function handRunRisk(row: Pick<ConnectorRow, 'askAlways'>, tool: Pick<Tool, 'annotations'>): { audited: boolean; risk: ToolRisk } {
  const risk = riskOf(resolveClaims(tool.annotations));
  return { audited: risk !== 'read-only' || row.askAlways === true, risk };
}

/**
 * Appends one `hand-run` row. A hand run belongs to no conversation, so its `conversationId` is
 * empty; the Audit log says "run by hand" instead of naming one.
 */
export function auditHandRun(audit: Pick<DecisionsRepository, 'appendAudit'>, connectorId: string, toolName: string, risk: ToolRisk, record: HandRunRecord): Promise<void> {
  const { callId, input, outcome, isError, durationMs, error } = record;
  return audit.appendAudit({
    at: Date.now(),
    kind: 'hand-run',
    conversationId: '',
    connectorId,
    toolName,
    detail: { callId, input, outcome, isError, durationMs, risk, ...(error === undefined ? {} : { error }) },
  });
}
