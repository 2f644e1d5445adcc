import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { TaskCancelledError } from '../mcp/tasks/tool-task-errors';
import { sizeOf } from './admit-tool-call';
import type { MessageWriter } from './message-writer';
import { COMPLETE, errorResult, incomplete, newPartId, updatePart } from './parts';

/** Writes the server's answer: the call's status from it, and the result the model reads. */
export async function settleWithResult(writer: MessageWriter, partId: string, callId: string, result: CallToolResult): Promise<void> {
  const ended = Date.now();
  const failed = result.isError === true;
  await writer.edit((parts) => [
    ...updatePart(parts, partId, (part) => ({ ...part, status: failed ? incomplete('error', 'The tool reported an error.') : COMPLETE, endedAt: ended })),
    { id: newPartId(), type: 'tool-result', status: COMPLETE, callId, result, isError: failed, sizeBytes: sizeOf(result) },
  ]);
}

/**
 * The user cancelled this one call (its card's Cancel or Cancel task), or its task ended cancelled:
 * the call is `cancelled` with the reason, and the model gets a tool error saying so, so the run
 * goes on knowing the call did not finish.
 */
export async function settleCancelled(writer: MessageWriter, partId: string, callId: string, error: unknown): Promise<void> {
  const why = cancelledText(error);
  const result = errorResult(why);
  await writer.edit((parts) => [
    ...updatePart(parts, partId, (part) => ({ ...part, status: incomplete('cancelled', why), endedAt: Date.now() })),
    { id: newPartId(), type: 'tool-result', status: COMPLETE, callId, result, isError: true, sizeBytes: sizeOf(result) },
  ]);
}

function cancelledText(error: unknown): string {
  if (!(error instanceof TaskCancelledError)) return 'The user cancelled this call; the server was told to stop it.';
  if (error.refusal) return `The user cancelled this task. ${error.message}`;
  return `The task was cancelled${error.statusMessage ? ` (the server says: ${error.statusMessage})` : ''}.`;
}
