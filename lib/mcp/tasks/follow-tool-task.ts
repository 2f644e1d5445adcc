import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { CallToolResultSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ToolTask } from '../../contract/tool-task';
import { TaskCancelledError } from './tool-task-errors';
import { toolTaskOf } from './tool-task-state';

/** How one task is followed: its cancellation, where its states go, how long `tasks/result` may block. */
export interface FollowOptions {
  signal: AbortSignal;
  onTask?(task: ToolTask): void;
  /** `tasks/result` blocks until the task ends: give it the call's whole budget, not the per-request timeout. */
  resultTimeoutMs: number;
}

/**
 * Follows a task to its end: `tasks/get` at the server's (bounded) `pollInterval`, each state
 * reported; at `input_required` it asks `tasks/result` at once (the server delivers its
 * elicitation or sampling requests on that request's stream) and keeps polling beside it; a
 * terminal state fetches the result. An abort (Stop, Cancel, the deadline) sends `tasks/cancel`
 * and ends in {@link TaskCancelledError} with what the server answered.
 */
export async function followToolTask(client: Client, taskId: string, options: FollowOptions): Promise<CallToolResult> {
  const { signal } = options;
  let pending: Promise<CallToolResult> | null = null;
  let pendingResult: CallToolResult | null = null;
  const fetchResult = () => client.experimental.tasks.getTaskResult(taskId, CallToolResultSchema, { signal, timeout: options.resultTimeoutMs }) as Promise<CallToolResult>;
  const poll = async () => {
    const task = toolTaskOf(await client.experimental.tasks.getTask(taskId, { signal }));
    options.onTask?.(task);
    return task;
  };
  try {
    for (;;) {
      // `tasks/result` answered first: the task has ended; one more poll shows how (never a guess).
      if (pendingResult) return await poll().then(() => pendingResult!, () => pendingResult!);
      const task = await poll();
      switch (task.status) {
        case 'completed':
          return await (pending ?? fetchResult());
        case 'failed':
          return await (pending ?? fetchResult()).catch((error: unknown) => failedResult(task, error));
        case 'cancelled':
          throw new TaskCancelledError(taskId, task.statusMessage);
        case 'input_required':
          if (!pending) {
            const asked: Promise<CallToolResult> = fetchResult();
            pending = asked;
            // A result that comes early ends the loop at its next turn; a failed one is asked again.
            asked.then((result) => void (pendingResult = result), () => void (pending === asked && (pending = null)));
          }
          break;
        case 'working':
          break;
      }
      await pause(task.pollIntervalMs!, signal, pending);
    }
  } catch (error) {
    if (!signal.aborted || error instanceof TaskCancelledError) throw error;
    throw await cancelled(client, taskId, options.onTask);
  }
}

/** Sends `tasks/cancel` (the call was aborted) and says how it went. */
async function cancelled(client: Client, taskId: string, onTask: FollowOptions['onTask']): Promise<TaskCancelledError> {
  try {
    const task = toolTaskOf(await client.experimental.tasks.cancelTask(taskId, { timeout: 10_000 }));
    onTask?.(task);
    return new TaskCancelledError(taskId, task.statusMessage);
  } catch (error) {
    return new TaskCancelledError(taskId, undefined, error instanceof Error ? error.message : String(error));
  }
}

/** A failed task whose result could not be fetched still answers the model, with the server's words. */
function failedResult(task: ToolTask, error: unknown): CallToolResult {
  const why = task.statusMessage ?? (error instanceof Error ? error.message : String(error));
  return { content: [{ type: 'text', text: `The task failed: ${why}` }], isError: true };
}

/** Waits the poll interval, or less when the call is aborted or a result request settles. */
function pause(ms: number, signal: AbortSignal, pending: Promise<unknown> | null): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', abort);
      resolve();
    };
    const abort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', abort, { once: true });
    pending?.then(done, done);
  });
}
