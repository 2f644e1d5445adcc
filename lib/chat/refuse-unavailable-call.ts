import type { MessagePart } from '../db/message-parts';
import { sizeOf } from './admit-tool-call';
import type { MessageWriter } from './message-writer';
import { COMPLETE, errorResult, incomplete, newPartId, updatePart } from './parts';
import type { RunContext } from './run-context';
import { toolUnavailable } from './tool-availability';

type CallPart = Extract<MessagePart, { type: 'tool-call' }>;

/**
 * The check at send time: a call admitted earlier (approved on a card that waited, or left by a
 * worker that died) is not sent when its tool was switched off or its connector deselected since.
 * It ends as a tool error for the model instead; nothing reached the server, so there is no
 * write-call audit row. Returns whether the call was refused.
 */
export async function refusedAsUnavailable(writer: MessageWriter, call: CallPart, ctx: Pick<RunContext, 'store' | 'conversationId'>): Promise<boolean> {
  const problem = await toolUnavailable(ctx.store, ctx.conversationId, call);
  if (problem === null) return false;
  const result = errorResult(problem);
  await writer.edit((parts) => [
    ...updatePart(parts, call.id, (part) => ({ ...part, status: incomplete('error', problem), endedAt: Date.now() })),
    { id: newPartId(), type: 'tool-result', status: COMPLETE, callId: call.callId, result, isError: true, sizeBytes: sizeOf(result) },
  ]);
  return true;
}
