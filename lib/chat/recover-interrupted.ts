import type { MessageRow } from '../db/rows';
import { COMPLETE, TOOL_RETRIED, callSiblings, incomplete, retryNoticeId } from './parts';
import { hasStoredTask } from './follow-task-call';

const CUT = 'The extension restarted while this answer was being written.';

/**
 * Closes what a dead worker left `running` in the last message: streamed text is kept and marked
 * `interrupted`; a read-only call in flight is re-sent once (a notice part records the retry, so a
 * second death does not re-send it again); a write call in flight is `outcome-unknown` and never
 * re-sent — only the user may do that. A call whose server runs it as a task (its id stored) is
 * followed instead, read or write (`followCallIds`).
 */
export function recoverInterrupted(message: MessageRow): { message: MessageRow; retryCallIds: string[]; followCallIds: string[] } {
  const retryCallIds: string[] = [];
  const followCallIds: string[] = [];
  const notices: MessageRow['parts'] = [];
  const parts = message.parts.map((part): MessageRow['parts'][number] => {
    if (part.status.type !== 'running') return part;
    switch (part.type) {
      case 'text':
      case 'reasoning':
        return { ...part, status: incomplete('interrupted', CUT) };
      case 'tool-call': {
        // The server runs it as a task we know the id of: follow it, read or write, never re-send.
        if (hasStoredTask(part)) {
          followCallIds.push(part.callId);
          return part;
        }
        const { approval, retried } = callSiblings(message.parts, part.callId);
        if (approval) {
          return { ...part, status: incomplete('outcome-unknown', 'The extension restarted while this call was running; it may or may not have run. It was not sent again.') };
        }
        if (retried) return { ...part, status: incomplete('interrupted', 'The extension restarted twice while this call was running.') };
        retryCallIds.push(part.callId);
        const text = `The extension restarted while ${part.toolName} was running; this read-only call was sent again.`;
        notices.push({ id: retryNoticeId(part.callId), type: 'error', status: COMPLETE, code: TOOL_RETRIED, message: text });
        return part;
      }
      case 'tool-result':
      case 'approval':
      case 'error':
        return { ...part, status: incomplete('interrupted', CUT) };
    }
  });
  return { message: { ...message, parts: [...parts, ...notices] }, retryCallIds, followCallIds };
}
