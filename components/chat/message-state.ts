import type { MessagePart, PartEndReason } from '@/lib/db/message-parts';
import type { MessageRow } from '@/lib/db/rows';

const CUT_CODES: ReadonlySet<PartEndReason['code']> = new Set(['interrupted', 'cancelled', 'error']);

/** Why an assistant answer stopped short, if it did: its first incomplete text part or error part. */
export function cutReason(message: Pick<MessageRow, 'role' | 'parts'>): PartEndReason | null {
  if (message.role !== 'assistant') return null;
  for (const part of message.parts) {
    const kept = part.type === 'text' && part.kept === true; // Continued already.
    if (part.status.type === 'incomplete' && CUT_CODES.has(part.status.reason.code) && (part.type === 'text' || part.type === 'reasoning') && !kept) {
      return part.status.reason;
    }
    if (part.type === 'error' && part.code !== 'tool-retried') return { code: 'error', message: part.message };
  }
  return null;
}

export type ToolCallPart = Extract<MessagePart, { type: 'tool-call' }>;
export type ToolResultPart = Extract<MessagePart, { type: 'tool-result' }>;

/**
 * Parts of one type by their call id. An id two parts share (only an old or tampered row has one)
 * maps to neither: the background refuses to decide or send such a call, so no card may show it.
 */
function byCallId<T extends MessagePart & { callId: string }>(parts: readonly T[]): Map<string, T> {
  const found = new Map<string, T>();
  const shared = new Set<string>();
  for (const part of parts) {
    if (found.has(part.callId)) shared.add(part.callId);
    else found.set(part.callId, part);
  }
  for (const id of shared) found.delete(id);
  return found;
}

/** Calls of one message by Patchbay's call id, so results and approvals render beside the call they answer. */
export function callsById(parts: readonly MessagePart[]): Map<string, ToolCallPart> {
  return byCallId(parts.filter((part): part is ToolCallPart => part.type === 'tool-call'));
}

export type ApprovalPart = Extract<MessagePart, { type: 'approval' }>;

/** Approvals of one message by call id, so a call's card can say how it was decided. */
export function approvalsById(parts: readonly MessagePart[]): Map<string, ApprovalPart> {
  return byCallId(parts.filter((part): part is ApprovalPart => part.type === 'approval'));
}

/** Results by call id; the first one when several claim an id (shown, never acted on). */
export function resultsById(parts: readonly MessagePart[]): Map<string, ToolResultPart> {
  const results = new Map<string, ToolResultPart>();
  for (const part of parts) if (part.type === 'tool-result' && !results.has(part.callId)) results.set(part.callId, part);
  return results;
}

/** "1.2 s", "340 ms": how long a call took, when both ends are known. */
export function formatDuration(startedAt?: number, endedAt?: number): string | null {
  if (startedAt === undefined || endedAt === undefined) return null;
  const ms = Math.max(0, endedAt - startedAt);
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
