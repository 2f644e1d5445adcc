import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { COMPLETE, RUNNING, callSiblings, errorResult, incomplete, newPartId, partsOf, updatePart } from './parts';
import type { MessageWriter } from './message-writer';
import { sizeOf } from './admit-tool-call';
import type { RunContext } from './run-context';
import { auditWriteCall, type WriteCallOutcome } from './audit-write-call';
import { refusedAsUnavailable } from './refuse-unavailable-call';
import { recheckBeforeSend } from './send-time-check';

/** How the engine reaches a connector's tool: the hub's `callTool`, or a fake in tests. */
export type CallTool = (
  connectorId: string,
  toolName: string,
  args: Record<string, unknown>,
  options: { signal: AbortSignal },
) => Promise<CallToolResult>;

/**
 * Sends one admitted call: the user's edited input when they approved one, else the model's.
 * `running` is written before the request leaves, so a worker that dies mid-call leaves a trace
 * the resume can act on. A failure goes back to the model as a tool error; a Stop marks the call
 * cancelled and writes no result. A call that passed an approval is a write: the audit gets a row.
 */
export async function runToolCall(writer: MessageWriter, callId: string, ctx: Pick<RunContext, 'callTool' | 'signal' | 'store' | 'conversationId'>): Promise<void> {
  const { callTool, signal } = ctx;
  const call = partsOf(writer.row.parts, 'tool-call').find((part) => part.callId === callId);
  if (!call) return;
  if (await refusedAsUnavailable(writer, call, ctx)) return;
  const approval = callSiblings(writer.row.parts, callId).approval;
  const input = approval?.editedArgs ?? call.args ?? {};
  const started = Date.now();
  const audit = (outcome: WriteCallOutcome, isError: boolean) =>
    approval ? auditWriteCall(ctx, call, { input, outcome, isError, durationMs: Date.now() - started, edited: approval.editedArgs !== undefined }) : Promise.resolve();
  if (!(await recheckBeforeSend(writer, call, approval, ctx))) return;
  await writer.edit((parts) => updatePart(parts, call.id, (part) => ({ ...part, status: RUNNING, startedAt: started })));
  let result: CallToolResult;
  try {
    signal.throwIfAborted();
    result = await callTool(call.connectorId, call.toolName, input, { signal });
  } catch (error) {
    if (signal.aborted) {
      await writer.edit((parts) => updatePart(parts, call.id, (part) => ({ ...part, status: incomplete('cancelled', 'Stopped by the user.'), endedAt: Date.now() })));
      await audit('cancelled', false);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    result = errorResult(`The tool call failed: ${message}`);
  }
  const ended = Date.now();
  const failed = result.isError === true;
  await writer.edit((parts) => [
    ...updatePart(parts, call.id, (part) => ({
      ...part,
      status: failed ? incomplete('error', 'The tool reported an error.') : COMPLETE,
      endedAt: ended,
    })),
    { id: newPartId(), type: 'tool-result', status: COMPLETE, callId, result, isError: failed, sizeBytes: sizeOf(result) },
  ]);
  await audit(failed ? 'error' : 'ok', failed);
}

/** Marks calls that a Stop kept from being sent as cancelled (no result: nothing ran). */
export function cancelUnsent(writer: MessageWriter, callIds: readonly string[]): Promise<void> {
  const ids = new Set(callIds);
  return writer.edit((parts) =>
    parts.map((part) =>
      part.type === 'tool-call' && ids.has(part.callId) && part.status.type !== 'incomplete' && part.status.type !== 'complete'
        ? { ...part, status: incomplete('cancelled', 'Stopped by the user before the call was sent.') }
        : part,
    ),
  );
}
