import type { MessageRow } from '../db/rows';
import { TOOL_RETRIED, callSiblings, partsOf } from './parts';

/**
 * Where a conversation's run stands, read from its last message alone. The engine's next step
 * follows from it, so a restarted worker continues exactly where the database says.
 */
export type RunState =
  /** Nothing to do: no messages, a final answer, or a run that ended (stop, error, step limit). */
  | { type: 'idle'; why: 'empty' | 'answered' | 'ended' }
  /** The last word is the user's or every tool result is in: the model speaks next. */
  | { type: 'call-model' }
  /** Approved write calls not yet sent. */
  | { type: 'run-tools'; callIds: string[] }
  /** Write calls waiting for the user's decision. */
  | { type: 'awaiting-approval'; callIds: string[] }
  /** A part was still being written when the worker died: only `resumeRun` may go on from here. */
  | { type: 'interrupted' };

export function runStateOf(last: MessageRow | undefined): RunState {
  if (!last) return { type: 'idle', why: 'empty' };
  switch (last.role) {
    case 'user':
    case 'tool':
      return { type: 'call-model' };
    case 'assistant':
      return assistantState(last);
  }
}

function assistantState(message: MessageRow): RunState {
  const { parts } = message;
  if (parts.some((part) => (part.type === 'text' || part.type === 'reasoning' || part.type === 'tool-call') && part.status.type === 'running')) {
    return { type: 'interrupted' };
  }
  if (parts.some((part) => part.type === 'error' && part.code !== TOOL_RETRIED)) return { type: 'idle', why: 'ended' };
  const texts = partsOf(parts, 'text');
  if (texts.some((part) => part.status.type === 'incomplete' && !part.kept)) return { type: 'idle', why: 'ended' };
  // The user chose Continue on this cut text: the model goes on from it.
  if (texts.some((part) => part.kept)) return { type: 'call-model' };
  const calls = partsOf(parts, 'tool-call');
  if (calls.length === 0) return { type: 'idle', why: 'answered' };
  const ready: string[] = [];
  const pending: string[] = [];
  let unsettled = false;
  for (const call of calls) {
    const { result, approval } = callSiblings(parts, call.callId);
    if (result) continue;
    switch (call.status.type) {
      case 'requires-action':
        if (approval?.decision === 'allow') ready.push(call.callId);
        else pending.push(call.callId);
        break;
      case 'incomplete':
      case 'complete':
      case 'running':
        // Cancelled, interrupted or of unknown outcome, with no result: the user decides what next.
        unsettled = true;
        break;
    }
  }
  if (ready.length > 0) return { type: 'run-tools', callIds: ready };
  if (pending.length > 0) return { type: 'awaiting-approval', callIds: pending };
  return unsettled ? { type: 'idle', why: 'ended' } : { type: 'call-model' };
}

/** Assistant steps since the user last spoke: what the step limit counts. */
export function stepsThisTurn(history: readonly MessageRow[]): number {
  let steps = 0;
  for (let i = history.length - 1; i >= 0 && history[i]!.role !== 'user'; i--) {
    if (history[i]!.role === 'assistant') steps += 1;
  }
  return steps;
}
