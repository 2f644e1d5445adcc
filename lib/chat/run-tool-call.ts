import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { MessagePart } from '../db/message-parts';
import { COMPLETE, RUNNING, errorResult, incomplete, newPartId, updatePart } from './parts';
import { sendPermit, type SendPermit } from './send-permit';
import { refusedAsUnavailable } from './refuse-unavailable-call';
import { recheckBeforeSend } from './send-time-check';
import type { MessageWriter } from './message-writer';
import { sizeOf } from './admit-tool-call';
import type { RunContext } from './run-context';
import { auditWriteCall, type WriteCallOutcome } from './audit-write-call';
import type { ToolTask } from '../contract/tool-task';
import { TaskCancelledError } from '../mcp/tasks/tool-task-errors';
import { settleCancelled, settleWithResult } from './settle-call';
import { toolCallHooks, type CallProgress } from './tool-call-hooks';
import type { CallInFlight } from '../requests/calls-in-flight';

/** What a call reports while it runs: progress for open panels, and the task the server answered with. */
export interface CallHooks {
  onProgress?(progress: CallProgress): void;
  onTask?(task: ToolTask): void;
}

/** How the engine reaches a connector's tool: the hub's `callTool`, or a fake in tests. */
export type CallTool = (
  connectorId: string,
  toolName: string,
  args: Record<string, unknown>,
  options: { signal: AbortSignal; caller?: CallInFlight } & CallHooks,
) => Promise<CallToolResult>;

/** How the engine follows a task by its stored id after a worker restart: the hub's `followTask`. */
export type FollowTask = (connectorId: string, taskId: string, options: { signal: AbortSignal; caller?: CallInFlight; onTask?(task: ToolTask): void }) => Promise<CallToolResult>;

/**
 * Sends one admitted call, if `sendPermit` lets it (see there): the user's edited input when they
 * approved one, else the model's. The permit is judged and `running` written in one step on the
 * stored message, so two runs can never both send a call, and a worker that dies mid-call leaves a
 * trace the resume can act on. A failure goes back to the model as a tool error; a Stop marks the
 * call cancelled and writes no result. A call that passed an approval is a write: the audit gets a row.
 */
export async function runToolCall(writer: MessageWriter, callId: string, ctx: Pick<RunContext, 'callTool' | 'signal' | 'store' | 'conversationId' | 'cancels' | 'emit' | 'appPage'>): Promise<void> {
  const { callTool } = ctx;
  if (!(await stillSendable(writer, callId, ctx))) return;
  const started = Date.now();
  const permit = await claimCall(writer, callId, started);
  if (!permit) return;
  const { call, approval, input } = permit;
  const audit = (outcome: WriteCallOutcome, isError: boolean) =>
    approval ? auditWriteCall(ctx, call, { input, outcome, isError, durationMs: Date.now() - started, edited: approval.editedArgs !== undefined }) : Promise.resolve();
  const caller: CallInFlight = { type: 'chat-call', conversationId: ctx.conversationId, callId, toolName: call.toolName };
  const outcome = await awaitCall(writer, call.id, callId, ctx, (own, hooks) => callTool(call.connectorId, call.toolName, input, { signal: own, caller, ...hooks }));
  await audit(outcome, outcome === 'error');
}

/**
 * Runs the call under its own Cancel (see `CallCancels`) and settles it: a Stop marks it cancelled
 * with no result; a Cancel of this one call (or its task ending cancelled) gives the model a tool
 * error saying so; a failure becomes a tool error; a result is written as the server sent it.
 */
export async function awaitCall(
  writer: MessageWriter,
  partId: string,
  callId: string,
  ctx: Pick<RunContext, 'signal' | 'cancels' | 'conversationId' | 'emit'>,
  send: (signal: AbortSignal, hooks: Required<CallHooks>) => Promise<CallToolResult>,
): Promise<WriteCallOutcome> {
  const { signal } = ctx;
  const own = ctx.cancels.open(ctx.conversationId, callId, signal);
  const hooks = toolCallHooks(writer, partId, callId, ctx);
  let result: CallToolResult;
  try {
    signal.throwIfAborted();
    result = await send(own.signal, { onProgress: hooks.onProgress, onTask: hooks.onTask });
  } catch (error) {
    await hooks.settle();
    if (signal.aborted) {
      await writer.edit((parts) => updatePart(parts, partId, (part) => ({ ...part, status: incomplete('cancelled', 'Stopped by the user.'), endedAt: Date.now() })));
      return 'cancelled';
    }
    if (own.cancelled() || error instanceof TaskCancelledError) {
      await settleCancelled(writer, partId, callId, error);
      return 'cancelled';
    }
    const message = error instanceof Error ? error.message : String(error);
    result = errorResult(`The tool call failed: ${message}`);
  } finally {
    own.close();
  }
  await hooks.settle();
  await settleWithResult(writer, partId, callId, result);
  return result.isError === true ? 'error' : 'ok';
}

type Sendable = Extract<SendPermit, { type: 'send' }>;

/**
 * The checks against the connector as stored now, before the permit: a tool switched off or a
 * connector deselected since admission refuses the call; a changed tool or an input the current
 * schema refuses asks again on a card. Both rewrite the parts themselves and answer false.
 */
async function stillSendable(writer: MessageWriter, callId: string, ctx: Pick<RunContext, 'store' | 'conversationId' | 'appPage'>): Promise<boolean> {
  // Judged on the message as stored: another command may have decided a card since this copy.
  if (!(await writer.refresh())) return false;
  const permit = sendPermit(writer.row.parts, callId);
  if (permit.type !== 'send') return true; // claimCall settles or skips it from the stored message
  if (await refusedAsUnavailable(writer, permit.call, ctx)) return false;
  return recheckBeforeSend(writer, permit.call, permit.approval, ctx);
}

/** Judges the permit on the stored message and marks the call `running` in the same write. */
async function claimCall(writer: MessageWriter, callId: string, started: number): Promise<Sendable | null> {
  let permit = { type: 'skip' } as SendPermit;
  const stored = await writer.edit((parts) => {
    permit = sendPermit(parts, callId);
    switch (permit.type) {
      case 'send':
        return updatePart(parts, permit.call.id, (part) => ({ ...part, status: RUNNING, startedAt: started }));
      case 'skip':
        return parts;
      case 'refuse':
        return refuseCall(parts, callId, permit.reason);
    }
  });
  return stored && permit.type === 'send' ? permit : null;
}

/** Settles a call that may never be sent: its parts end as errors and the model gets the reason. */
function refuseCall(parts: MessagePart[], callId: string, reason: string): MessagePart[] {
  const status = incomplete('error', reason);
  const result = errorResult(`This call was not sent: ${reason}`);
  const settled = parts.map((part) =>
    (part.type === 'tool-call' || (part.type === 'approval' && part.decision === 'pending')) && part.callId === callId ? { ...part, status } : part,
  );
  return [...settled, { id: newPartId(), type: 'tool-result', status: COMPLETE, callId, result, isError: true, sizeBytes: sizeOf(result) }];
}

/** Marks calls that a Stop kept from being sent as cancelled (no result: nothing ran). */
export async function cancelUnsent(writer: MessageWriter, callIds: readonly string[]): Promise<void> {
  const ids = new Set(callIds);
  await writer.edit((parts) =>
    parts.map((part) =>
      part.type === 'tool-call' && ids.has(part.callId) && part.status.type !== 'incomplete' && part.status.type !== 'complete'
        ? { ...part, status: incomplete('cancelled', 'Stopped by the user before the call was sent.') }
        : part,
    ),
  );
}
