import type { MessageRow } from '@/lib/db/rows';

/** What the last turn offers, by message id: Edit on the last user message, Regenerate on the answer that ends it. */
export type LastTurnActions = Record<string, { kind: 'edit' | 'regenerate'; text: string }>;

/**
 * Edit goes on the last user message; Regenerate on the last message when it is a finished answer
 * (a cut one has Retry instead, a pending approval its card). Computed over the loaded window: the
 * last messages are always in it.
 */
export function lastTurnActions(messages: readonly MessageRow[]): LastTurnActions {
  const actions: LastTurnActions = {};
  const user = messages.findLast((message) => message.role === 'user');
  if (user) actions[user.id] = { kind: 'edit', text: textOf(user) };
  const last = messages.at(-1);
  if (last?.role === 'assistant' && last !== user && isFinished(last)) actions[last.id] = { kind: 'regenerate', text: '' };
  return actions;
}

function textOf(message: MessageRow): string {
  return message.parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');
}

function isFinished(message: MessageRow): boolean {
  return message.parts.every((part) => part.status.type === 'complete') && !message.parts.some((part) => part.type === 'approval' && part.decision === 'pending');
}
