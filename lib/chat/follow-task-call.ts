import { auditWriteCall } from './audit-write-call';
import type { MessageWriter } from './message-writer';
import { callSiblings, incomplete, partsOf, updatePart } from './parts';
import type { RunContext } from './run-context';
import { awaitCall } from './run-tool-call';

/**
 * Whether a call a dead worker left running has a task to follow instead of a send to repeat. A
 * task stored as ended is followed too: its result is still the server's to give (until its ttl),
 * and asking for it beats calling its outcome unknown.
 */
export function hasStoredTask(part: { task?: unknown }): boolean {
  return part.task !== undefined;
}

/**
 * After a worker restart: follows each call's stored task (never sending the call again) until it
 * ends, writes its result for the model, and audits a write call's outcome as a sent one would.
 */
export async function followTaskCalls(writer: MessageWriter, callIds: readonly string[], ctx: RunContext): Promise<void> {
  for (const callId of callIds) {
    const call = partsOf(writer.row.parts, 'tool-call').find((part) => part.callId === callId);
    const task = call?.task;
    if (!call || !task) continue;
    const { followTask } = ctx;
    if (!followTask) {
      await writer.edit((parts) => updatePart(parts, call.id, (part) => ({ ...part, status: incomplete('interrupted', 'The extension restarted while this task ran and cannot follow it.') })));
      continue;
    }
    const started = Date.now();
    const outcome = await awaitCall(writer, call.id, callId, ctx, (signal, hooks) =>
      followTask(call.connectorId, task.taskId, { signal, onTask: hooks.onTask, caller: { type: 'chat-call', conversationId: ctx.conversationId, callId, toolName: call.toolName } }),
    );
    const approval = callSiblings(writer.row.parts, callId).approval;
    if (approval) {
      const input = approval.editedArgs ?? call.args ?? {};
      await auditWriteCall(ctx, call, { input, outcome, isError: outcome === 'error', durationMs: Date.now() - (call.startedAt ?? started), edited: approval.editedArgs !== undefined });
    }
  }
}
