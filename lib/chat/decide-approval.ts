import type { ConversationStore } from './conversation-store';
import { ApprovalNotFoundError } from './run-errors';
import { COMPLETE, DENIED_TEXT, callSiblings, errorResult, incomplete, newPartId, partsOf, updatePart } from './parts';
import { sizeOf } from './admit-tool-call';

export type Decision = 'allow' | 'deny';

/**
 * Writes the user's decision on the last message. Allow leaves the call `requires-action` with an
 * allowed approval (the run sends it next); deny settles it with a tool error for the model.
 */
export async function decideApproval(store: ConversationStore, conversationId: string, callId: string, decision: Decision, remembered: boolean): Promise<void> {
  const last = await store.last(conversationId);
  const approval = last && partsOf(last.parts, 'approval').find((part) => part.callId === callId && part.decision === 'pending');
  const call = last && partsOf(last.parts, 'tool-call').find((part) => part.callId === callId);
  if (!last || !approval || !call || callSiblings(last.parts, callId).result) throw new ApprovalNotFoundError(callId);
  const decided = updatePart(last.parts, approval.id, (part) => ({ ...part, status: COMPLETE, decision, remembered, decidedAt: Date.now() }));
  switch (decision) {
    case 'allow':
      await store.put({ ...last, parts: decided });
      return;
    case 'deny': {
      const result = errorResult(DENIED_TEXT);
      const parts = [
        ...updatePart(decided, call.id, (part) => ({ ...part, status: incomplete('denied', DENIED_TEXT) })),
        { id: newPartId(), type: 'tool-result' as const, status: COMPLETE, callId, result, isError: true, sizeBytes: sizeOf(result) },
      ];
      await store.put({ ...last, parts });
      return;
    }
  }
}

const DISMISSED = 'The user sent a new message instead of deciding.';

/**
 * A new message while a write call still waits: the call is settled as cancelled (never sent),
 * so no card stays open forever and the model learns the call did not run.
 */
export async function dismissPendingApprovals(store: ConversationStore, conversationId: string): Promise<void> {
  const last = await store.last(conversationId);
  if (!last || !last.parts.some((part) => part.type === 'approval' && part.decision === 'pending')) return;
  const pending = new Set(partsOf(last.parts, 'approval').filter((part) => part.decision === 'pending').map((part) => part.callId));
  const parts = last.parts.map((part) => {
    if (part.type === 'approval' && pending.has(part.callId)) return { ...part, status: incomplete('cancelled', DISMISSED) };
    if (part.type === 'tool-call' && pending.has(part.callId)) return { ...part, status: incomplete('cancelled', DISMISSED) };
    return part;
  });
  await store.put({ ...last, parts });
}
