import type { MessagePart } from '../db/message-parts';
import type { MessageRow } from '../db/rows';
import { incomplete, newPartId } from './parts';
import { runStateOf } from './run-state';

/** Error-part code of the note that ends an imported conversation which would otherwise go on by itself. */
export const IMPORTED_NOTICE = 'imported';

const WAS_RUNNING = 'Imported while it was running in another session; it was not run again here.';
const VOID_APPROVAL = 'Imported from a file: an approval recorded there does not count here, and the call was not sent.';
const UNSENT_CALL = 'Imported from a file before it was sent; it was not sent here. Ask again to get a fresh approval card.';
const NOTICE = 'This conversation was imported from a file; nothing in it was sent. Send a message, or Retry, to let the model go on.';

type ApprovalPart = Extract<MessagePart, { type: 'approval' }>;

/**
 * Makes an imported conversation history, never run state: a file is as hostile as a model or a
 * server, and it can claim anything (a call in flight, an approval, a remembered decision). After
 * this, no part is `running` or `requires-action`, no approval allows an unsent call, every tool
 * result is a valid `CallToolResult`, and a conversation that would go on by itself (its last word
 * is the user's, or every result is in) ends with a note instead. So the engine's next wake finds
 * nothing to send, and a write from the file can only run after the model asks again and the user
 * approves a fresh card in this browser.
 */
export function settleImported(messages: readonly MessageRow[]): MessageRow[] {
  const settled = messages.map((message) => ({ ...message, parts: settleParts(message.parts) }));
  // The engine reads the last message by `seq`; a file may list its messages in any order.
  const last = settled.reduce<MessageRow | undefined>((latest, message) => (!latest || message.seq > latest.seq ? message : latest), undefined);
  if (!last || runStateOf(last).type === 'idle') return settled;
  const note: MessagePart = { id: newPartId(), type: 'error', code: IMPORTED_NOTICE, message: NOTICE, status: incomplete('interrupted', NOTICE) };
  return [...settled, { id: crypto.randomUUID(), conversationId: last.conversationId, seq: last.seq + 1, role: 'assistant', createdAt: Date.now(), parts: [note] }];
}

function settleParts(parts: readonly MessagePart[]): MessagePart[] {
  const answered = new Set(parts.filter((part) => part.type === 'tool-result').map((part) => part.callId));
  return parts.map((part): MessagePart => {
    switch (part.type) {
      case 'text':
      case 'reasoning':
      case 'error':
        return part.status.type === 'running' || part.status.type === 'requires-action' ? { ...part, status: incomplete('interrupted', WAS_RUNNING) } : part;
      case 'tool-call':
        return settleCall(part);
      case 'approval':
        return settleApproval(part, answered.has(part.callId));
      case 'tool-result':
        return settleResult(part);
    }
  });
}

/** Closed whatever the file says beside it: the engine never sends a terminal call. */
function settleCall(part: Extract<MessagePart, { type: 'tool-call' }>): MessagePart {
  switch (part.status.type) {
    case 'running':
      return { ...part, status: incomplete('interrupted', WAS_RUNNING) };
    case 'requires-action':
      return { ...part, status: incomplete('cancelled', UNSENT_CALL) };
    case 'complete':
    case 'incomplete':
      return part;
  }
}

/** A pending card, or an allow whose call has no result, becomes "not decided": void, never sent. */
function settleApproval(part: ApprovalPart, answered: boolean): MessagePart {
  if (part.decision === 'pending' || (part.decision === 'allow' && !answered)) {
    const { decidedAt: _at, decidedBy: _by, editedArgs: _edit, ...rest } = part;
    return { ...rest, decision: 'pending', remembered: false, status: incomplete('cancelled', VOID_APPROVAL) };
  }
  return part.status.type === 'complete' || part.status.type === 'incomplete' ? part : { ...part, status: incomplete('interrupted', WAS_RUNNING) };
}

/**
 * A running result is closed. An invalid one was already replaced, not refused, when the file was
 * parsed (the message schema reads every result as a `CallToolResult`, see lib/db/stored-mcp-shapes):
 * the rest of the conversation is still worth having, and the replacement says in place what was wrong.
 */
function settleResult(part: Extract<MessagePart, { type: 'tool-result' }>): MessagePart {
  return part.status.type === 'running' || part.status.type === 'requires-action' ? { ...part, status: incomplete('interrupted', WAS_RUNNING) } : part;
}
