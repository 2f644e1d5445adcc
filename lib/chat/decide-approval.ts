import type { DecisionRow } from '../db/rows';
import { validateToolArguments } from '../mcp/catalog/validate-tool-arguments';
import type { ConversationStore } from './conversation-store';
import { ApprovalAlreadyDecidedError, ApprovalNotFoundError, InvalidEditedArgumentsError, ToolChangedWhileAskingError } from './run-errors';
import { reaskIfToolChanged } from './tool-changed-guard';
import { COMPLETE, DENIED_TEXT, callSiblings, errorResult, incomplete, newPartId, partsOf, updatePart } from './parts';
import { sizeOf } from './admit-tool-call';
import { toolPartOf } from '../policy/host-tool-fingerprint';

export type Decision = 'allow' | 'deny';

/** The user's answer on one card, and where it came from. */
export interface ApprovalAnswer {
  callId: string;
  decision: Decision;
  /** "Remember for this conversation": stored, bound to the tool's fingerprint and this panel load. */
  remembered: boolean;
  /** Approve with this input instead of the model's (checked against the tool's input schema first). */
  editedArgs?: Record<string, unknown> | undefined;
  panelSessionId?: string | undefined;
}

/**
 * Writes the user's decision on the last message, with its audit entry and (when remembered) the
 * stored decision, in one transaction. Allow leaves the call `requires-action` with an allowed
 * approval (the run sends it next); deny settles it with a tool error for the model. An edited
 * input that breaks the schema refuses the whole decision: nothing changes.
 */
export async function decideApproval(store: ConversationStore, conversationId: string, answer: ApprovalAnswer): Promise<void> {
  const { callId, decision, remembered } = answer;
  const changed = await store.atomically(async (): Promise<string | null> => {
    const last = await store.last(conversationId);
    // A card that was voided (dismissed, or imported from a file) is settled: it takes no decision.
    const approval = last && onlyOne(partsOf(last.parts, 'approval').filter((part) => part.callId === callId));
    const call = last && onlyOne(partsOf(last.parts, 'tool-call').filter((part) => part.callId === callId));
    if (!last || !approval || approval.decision !== 'pending' || approval.status.type !== 'requires-action' || !call || callSiblings(last.parts, callId).result) {
      // Judged inside the transaction: of two decisions at once, the second always sees the first.
      const earlier = await decidedEarlier(store, conversationId, callId);
      throw earlier ? new ApprovalAlreadyDecidedError(callId, earlier) : new ApprovalNotFoundError(callId);
    }
    const connector = await store.connector(call.connectorId);
    const tool = connector?.tools.find((t) => t.name === call.toolName);
    if (decision === 'allow') {
      // An approval is for the definition the user read; a tool changed since is asked about again.
      const reasked = reaskIfToolChanged(last.parts, call, approval, connector);
      if (reasked) {
        await store.put({ ...last, parts: reasked });
        return call.toolName;
      }
    }
    const editedArgs = decision === 'allow' ? answer.editedArgs : undefined;
    if (editedArgs) {
      const check = validateToolArguments(tool ?? { inputSchema: { type: 'object' } }, editedArgs);
      if (!check.ok) throw new InvalidEditedArgumentsError(call.toolName, check.problems);
    }
    const decidedAt = Date.now();
    const decided = updatePart(last.parts, approval.id, (part) => ({
      ...part, status: COMPLETE, decision, remembered, decidedAt, decidedBy: 'user' as const, ...(editedArgs ? { editedArgs } : {}),
    }));
    // The input the decision was about: the model's, and the user's edit when there is one.
    const detail = { callId, input: call.args ?? {}, ...(editedArgs ? { editedArgs } : {}) };
    if (remembered) {
      const fingerprint = call.toolFingerprint ?? connector?.toolFingerprints[call.toolName] ?? '';
      const row: DecisionRow = {
        id: crypto.randomUUID(), conversationId, connectorId: call.connectorId, toolName: call.toolName, toolFingerprint: fingerprint,
        decision, scope: 'conversation', decidedAt,
        ...(answer.panelSessionId ? { panelSessionId: answer.panelSessionId } : {}),
        // The definition the card was shown for, so a later change can be shown as a diff.
        ...(tool && connector?.toolFingerprints[call.toolName] === toolPartOf(fingerprint) ? { toolSnapshot: tool } : {}),
      };
      await store.decisions.remember(row, detail);
    } else {
      await store.decisions.appendAudit({
        at: decidedAt, kind: decision === 'allow' ? 'approved' : 'denied', conversationId, connectorId: call.connectorId, toolName: call.toolName,
        detail: { ...detail, remembered: false },
      });
    }
    switch (decision) {
      case 'allow':
        await store.put({ ...last, parts: decided });
        return null;
      case 'deny': {
        const result = errorResult(DENIED_TEXT);
        const parts = [
          ...updatePart(decided, call.id, (part) => ({ ...part, status: incomplete('denied', DENIED_TEXT) })),
          { id: newPartId(), type: 'tool-result' as const, status: COMPLETE, callId, result, isError: true, sizeBytes: sizeOf(result) },
        ];
        await store.put({ ...last, parts });
        return null;
      }
    }
  });
  if (changed) throw new ToolChangedWhileAskingError(changed);
}

/** How the user decided this call's card, if they did (the run may have gone on past it since). */
async function decidedEarlier(store: ConversationStore, conversationId: string, callId: string): Promise<Decision | null> {
  for (const message of (await store.history(conversationId)).reverse()) {
    const approval = partsOf(message.parts, 'approval').find((part) => part.callId === callId);
    if (approval) return approval.decidedBy === 'user' && approval.decision !== 'pending' ? approval.decision : null;
  }
  return null;
}

/** The one part with this call id; none when two claim it (an old or tampered row is not guessed at). */
function onlyOne<T>(parts: T[]): T | undefined {
  return parts.length === 1 ? parts[0] : undefined;
}

const DISMISSED = 'The user sent a new message instead of deciding.';

/**
 * A new message while a write call still waits: the call is settled as cancelled (never sent),
 * so no card stays open forever and the model learns the call did not run.
 */
export async function dismissPendingApprovals(store: ConversationStore, conversationId: string): Promise<void> {
  const last = await store.last(conversationId);
  if (!last || !last.parts.some((part) => part.type === 'approval' && part.decision === 'pending')) return;
  // On the row as stored: a decision recorded a moment ago is not undone.
  await store.update(last.id, (row) => {
    const pending = new Set(partsOf(row.parts, 'approval').filter((part) => part.decision === 'pending').map((part) => part.callId));
    const parts = row.parts.map((part) => {
      if (part.type === 'approval' && pending.has(part.callId)) return { ...part, status: incomplete('cancelled', DISMISSED) };
      if (part.type === 'tool-call' && pending.has(part.callId)) return { ...part, status: incomplete('cancelled', DISMISSED) };
      return part;
    });
    return { ...row, parts };
  });
}
