import type { MessageRow, ReplacedTurn } from '../db/rows';
import type { ConversationStore } from './conversation-store';
import { COMPLETE, newPartId } from './parts';
import { RunError } from './run-errors';

/** Edit & Resend needs a user message; Regenerate needs an answer after the last one. */
export class NothingToReplaceError extends RunError {
  constructor(what: 'edit' | 'regenerate') {
    super('nothing-to-replace', what === 'edit' ? 'There is no message of yours to edit.' : 'There is no answer to regenerate.');
  }
}

/** What replaces the last turn: the same question asked again, or the question as edited. */
export type TurnReplacement = { why: 'regenerated' } | { why: 'edited'; text: string };

/**
 * Rewinds the conversation to its last user message so the run asks the model again: Regenerate
 * keeps that message, Edit & Resend puts the edited text in its place (with the same attachments).
 * Everything replaced is first copied to the conversation's `replacedTurns` (and so into its
 * export), then removed: a worker that dies in between leaves a copy too many, never one too few.
 * Nothing is carried over from the replaced answer, approvals included: a write call the model
 * makes again is admitted afresh, so it asks again unless a decision was remembered.
 */
export async function replaceLastTurn(store: ConversationStore, conversationId: string, replacement: TurnReplacement): Promise<void> {
  const history = await store.history(conversationId);
  const userIndex = history.findLastIndex((message) => message.role === 'user');
  if (userIndex < 0) throw new NothingToReplaceError(replacement.why === 'edited' ? 'edit' : 'regenerate');
  const user = history[userIndex]!;
  const replaced = replacement.why === 'edited' ? history.slice(userIndex) : history.slice(userIndex + 1);
  if (replaced.length === 0) throw new NothingToReplaceError('regenerate');
  const conversation = await store.conversation(conversationId);
  const turn: ReplacedTurn = { replacedAt: Date.now(), why: replacement.why, messages: replaced.map(archived) };
  await store.conversations.update(conversationId, { replacedTurns: [...(conversation.replacedTurns ?? []), turn] });
  for (const message of [...replaced].reverse()) await store.remove(message.id);
  if (replacement.why === 'edited') {
    const attachments = user.attachments?.length ? { attachments: user.attachments } : {};
    await store.append({ conversationId, role: 'user', parts: [{ id: newPartId(), type: 'text', text: replacement.text, status: COMPLETE }], ...attachments });
  }
}

function archived(message: MessageRow): ReplacedTurn['messages'][number] {
  return { role: message.role, parts: message.parts, createdAt: message.createdAt };
}
