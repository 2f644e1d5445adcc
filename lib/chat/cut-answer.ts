import type { MessagePart } from '../db/message-parts';
import type { MessageRow } from '../db/rows';
import type { ConversationStore } from './conversation-store';
import { COMPLETE, TOOL_RETRIED, callSiblings, errorResult, newPartId, partsOf } from './parts';
import { sizeOf } from './admit-tool-call';
import { NothingToContinueError, NothingToRetryError } from './run-errors';
import { runStateOf } from './run-state';

/**
 * The last message when it is an answer that was cut: stopped, interrupted by a worker restart, or
 * failed. A finished answer, a step limit (the user sends a message to go on) or a run that is
 * still waiting for something is not cut.
 */
export function cutAnswerOf(last: MessageRow | undefined): MessageRow | null {
  if (last?.role !== 'assistant') return null;
  const state = runStateOf(last);
  if (state.type !== 'idle' || state.why !== 'ended') return null;
  const stepLimit = last.parts.some((part) => part.status.type === 'incomplete' && part.status.reason.code === 'step-limit');
  return stepLimit ? null : last;
}

/** Whether Continue applies: a cut answer with text to go on from and no tool calls. */
export function canContinue(last: MessageRow | undefined): boolean {
  const cut = cutAnswerOf(last);
  return cut !== null && partsOf(cut.parts, 'tool-call').length === 0 && cutText(cut.parts).length > 0;
}

/**
 * Rewinds to just before the cut answer, so the model speaks again. A plain answer is removed. A
 * message that holds tool calls (or text kept by Continue) stays: only its error parts go, and a
 * call left without result gets an error result saying why — it is never sent again, so a write
 * call of unknown outcome cannot run twice.
 */
export async function rewindForRetry(store: ConversationStore, conversationId: string): Promise<void> {
  const cut = cutAnswerOf(await store.last(conversationId));
  if (!cut) throw new NothingToRetryError();
  const hasCalls = partsOf(cut.parts, 'tool-call').length > 0;
  if (!hasCalls && !partsOf(cut.parts, 'text').some((part) => part.kept)) return store.remove(cut.id);
  await store.put({ ...cut, parts: settleForRetry(cut.parts) });
}

/**
 * Keeps the cut text (marked `kept`) and drops the error parts that ended the answer: the run
 * state turns to `call-model`, and the model reads its own partial text as its last message.
 */
export async function keepForContinue(store: ConversationStore, conversationId: string): Promise<void> {
  const last = await store.last(conversationId);
  if (!last || !canContinue(last)) throw new NothingToContinueError();
  const parts = dropEndingErrors(last.parts).map((part) => (part.type === 'text' && part.status.type === 'incomplete' ? { ...part, kept: true } : part));
  await store.put({ ...last, parts });
}

function cutText(parts: readonly MessagePart[]): string {
  return partsOf(parts, 'text').filter((part) => part.status.type === 'incomplete').map((part) => part.text).join('');
}

function dropEndingErrors(parts: readonly MessagePart[]): MessagePart[] {
  return parts.filter((part) => part.type !== 'error' || part.code === TOOL_RETRIED);
}

function settleForRetry(parts: readonly MessagePart[]): MessagePart[] {
  const kept = dropEndingErrors(parts);
  const answers = partsOf(kept, 'tool-call')
    .filter((call) => !callSiblings(kept, call.callId).result)
    .map((call): MessagePart => {
      const why = call.status.type === 'incomplete' ? call.status.reason.message : 'No result was recorded.';
      const result = errorResult(`This call has no result and was not sent again: ${why}`);
      return { id: newPartId(), type: 'tool-result', status: COMPLETE, callId: call.callId, result, isError: true, sizeBytes: sizeOf(result) };
    });
  return [...kept, ...answers];
}
