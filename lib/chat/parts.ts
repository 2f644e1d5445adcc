import type { MessagePart, PartEndReason, PartStatus } from '../db/message-parts';

export const RUNNING: PartStatus = { type: 'running' };
export const COMPLETE: PartStatus = { type: 'complete' };
export const REQUIRES_ACTION: PartStatus = { type: 'requires-action' };

export function incomplete(code: PartEndReason['code'], message: string): PartStatus {
  return { type: 'incomplete', reason: { code, message } };
}

/** Code of the notice part that records a read-only call re-sent after a worker restart. */
export const TOOL_RETRIED = 'tool-retried';

export const DENIED_TEXT = 'The user denied this call.';

export function newPartId(): string {
  return crypto.randomUUID();
}

/** Replaces the part with `id` by `change(part)`; other parts are untouched. */
export function updatePart(parts: MessagePart[], id: string, change: (part: MessagePart) => MessagePart): MessagePart[] {
  return parts.map((part) => (part.id === id ? change(part) : part));
}

export type PartOf<T extends MessagePart['type']> = Extract<MessagePart, { type: T }>;

export function partsOf<T extends MessagePart['type']>(parts: readonly MessagePart[], type: T): PartOf<T>[] {
  return parts.filter((part): part is PartOf<T> => part.type === type);
}

/** The tool-result, approval and retry notice that belong to one call. */
export function callSiblings(parts: readonly MessagePart[], callId: string) {
  return {
    result: partsOf(parts, 'tool-result').find((part) => part.callId === callId),
    approval: partsOf(parts, 'approval').find((part) => part.callId === callId),
    retried: parts.some((part) => part.type === 'error' && part.code === TOOL_RETRIED && part.id === retryNoticeId(callId)),
  };
}

export function retryNoticeId(callId: string): string {
  return `retry:${callId}`;
}

/** A tool error the model reads as the call's result (invalid arguments, denial, failure). */
export function errorResult(text: string) {
  return { content: [{ type: 'text' as const, text }], isError: true };
}
