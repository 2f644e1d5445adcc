import type { MessagePart } from '../db/message-parts';
import type { MessageRow } from '../db/rows';
import { partsOf } from './parts';

/** Longer ids are refused: no real provider makes them, and they would only bloat every later request. */
export const MAX_CALL_ID_LENGTH = 256;

type CallPart = Extract<MessagePart, { type: 'tool-call' }>;

/** Patchbay's own id for an admitted call: unique whatever the model sent. */
export function newCallId(): string {
  return crypto.randomUUID();
}

/** The id the model knows the call by (rows from before `providerCallId` used `callId` for it). */
export function providerIdOf(call: Pick<CallPart, 'callId' | 'providerCallId'>): string {
  return call.providerCallId ?? call.callId;
}

/** Every provider id the conversation already answered under: a model may not reuse one. */
export function providerIdsIn(history: readonly MessageRow[]): Set<string> {
  return new Set(history.flatMap((message) => partsOf(message.parts, 'tool-call').map(providerIdOf)));
}

/**
 * Why the model's id cannot be used for the round trip, or null when it can. `earlier` holds the ids
 * of the conversation and of the calls before this one in the same step.
 */
export function callIdProblem(id: string, earlier: { inStep: ReadonlySet<string>; inConversation: ReadonlySet<string> }): string | null {
  if (id.trim() === '') return 'This tool call has no call id, so it was not run. Call the tool again; every call needs its own id.';
  if (id.length > MAX_CALL_ID_LENGTH) {
    return `This tool call's id is ${id.length} characters long (at most ${MAX_CALL_ID_LENGTH} are accepted), so it was not run. Call the tool again with a short id.`;
  }
  if (earlier.inStep.has(id)) return `The call id ${JSON.stringify(id)} is used by another call in the same step, so this call was not run. Every call needs its own id.`;
  if (earlier.inConversation.has(id)) return `The call id ${JSON.stringify(id)} was already used earlier in this conversation, so this call was not run. Every call needs a new id.`;
  return null;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * An id for the model round trip of a call whose own id was refused: 9 letters and digits, the
 * strictest format a provider asks for (Mistral's), and none the conversation used yet.
 */
export function syntheticProviderId(used: ReadonlySet<string>): string {
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint8Array(9));
    const id = Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('');
    if (!used.has(id)) return id;
  }
}
