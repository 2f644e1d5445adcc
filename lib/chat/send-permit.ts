import type { MessagePart } from '../db/message-parts';
import { partsOf } from './parts';

type CallPart = Extract<MessagePart, { type: 'tool-call' }>;
type ApprovalPart = Extract<MessagePart, { type: 'approval' }>;

/**
 * Whether one call may be sent now, judged on the message as stored right before `callTool`.
 * `send`: with the input to send. `skip`: nothing to do here (still waiting for its card, or
 * already sent or settled, perhaps by another run). `refuse`: it can never be sent as it stands,
 * and is settled with the reason as a tool error, so no run waits on it forever.
 */
export type SendPermit =
  | { type: 'send'; call: CallPart; approval: ApprovalPart | undefined; input: Record<string, unknown> }
  | { type: 'skip' }
  | { type: 'refuse'; reason: string };

/**
 * The one gate before a tool call leaves: a call is sent only if it was admitted read-only (it
 * went straight to `running`, with no approval part) or its own approval says allow and it was
 * never sent. Calls are matched by Patchbay's `callId`; two parts sharing one (an old or a
 * tampered row) are ambiguous and refused, never guessed between.
 */
export function sendPermit(parts: readonly MessagePart[], callId: string): SendPermit {
  const calls = partsOf(parts, 'tool-call').filter((part) => part.callId === callId);
  const approvals = partsOf(parts, 'approval').filter((part) => part.callId === callId);
  const answered = parts.some((part) => part.type === 'tool-result' && part.callId === callId);
  if (calls.length === 0 || answered) return { type: 'skip' };
  if (calls.length > 1 || approvals.length > 1) return { type: 'refuse', reason: 'More than one call or approval carries this call id, so none of them is sent.' };
  const call = calls[0]!;
  const approval = approvals[0];
  switch (call.status.type) {
    case 'complete':
    case 'incomplete':
      return { type: 'skip' };
    case 'running':
    case 'requires-action':
      break;
  }
  if (!approval) {
    // Admission writes an approval for every call that is not read-only: none means read-only.
    if (call.status.type === 'running') return { type: 'send', call, approval, input: call.args ?? {} };
    return { type: 'refuse', reason: 'This call waits for an approval that does not exist, so it was not sent.' };
  }
  switch (approval.decision) {
    case 'pending':
      return { type: 'skip' };
    case 'deny':
      return { type: 'refuse', reason: 'This call was denied.' };
    case 'allow':
      // Sent already: in flight now, or cut by a worker death (its outcome is for the user to judge).
      if (call.startedAt !== undefined && call.status.type === 'running') return { type: 'skip' };
      if (call.startedAt !== undefined) return { type: 'refuse', reason: 'This call was sent once already, so it was not sent again.' };
      if (approval.status.type !== 'complete') return { type: 'refuse', reason: 'The approval of this call did not complete, so it was not sent.' };
      return { type: 'send', call, approval, input: approval.editedArgs ?? call.args ?? {} };
  }
}
