import type { MessagePart } from '../db/message-parts';
import { callSiblings, partsOf } from './parts';
import type { RunContext } from './run-context';

/** How a sent write call ended, as the audit records it. */
export type WriteCallOutcome = 'ok' | 'error' | 'cancelled' | 'outcome-unknown';

/** What the audit keeps of one write call: the input actually sent, not only what the model proposed. */
export interface WriteCallRecord {
  input: Record<string, unknown>;
  outcome: WriteCallOutcome;
  isError: boolean;
  durationMs: number | null;
  /** The user edited the input on the card; the model's own arguments are kept beside it. */
  edited: boolean;
}

/** Appends one `write-call` row; the audit is append-only, so a later outcome is a new row, never an edit. */
export function auditWriteCall(
  ctx: Pick<RunContext, 'store' | 'conversationId'>,
  call: Extract<MessagePart, { type: 'tool-call' }>,
  record: WriteCallRecord,
): Promise<void> {
  const { input, outcome, isError, durationMs, edited } = record;
  return ctx.store.decisions.appendAudit({
    at: Date.now(),
    kind: 'write-call',
    conversationId: ctx.conversationId,
    connectorId: call.connectorId,
    toolName: call.toolName,
    detail: { callId: call.callId, input, outcome, durationMs, isError, ...(edited ? { modelArgs: call.args ?? {} } : {}) },
  });
}

/** Write calls a dead worker left in flight: the audit records that their outcome is unknown. */
export async function auditUnknownOutcomes(ctx: Pick<RunContext, 'store' | 'conversationId'>, before: MessagePart[], after: MessagePart[]): Promise<void> {
  for (const call of partsOf(after, 'tool-call')) {
    const was = before.find((part) => part.id === call.id);
    if (call.status.type !== 'incomplete' || call.status.reason.code !== 'outcome-unknown' || was?.status.type !== 'running') continue;
    const approval = callSiblings(after, call.callId).approval;
    const input = approval?.editedArgs ?? call.args ?? {};
    await auditWriteCall(ctx, call, { input, outcome: 'outcome-unknown', isError: false, durationMs: null, edited: approval?.editedArgs !== undefined });
  }
}
