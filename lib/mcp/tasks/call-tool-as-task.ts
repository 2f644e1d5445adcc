import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { RequestOptions } from '@modelcontextprotocol/sdk/shared/protocol.js';
import { CallToolResultSchema, CreateTaskResultSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { followToolTask, type FollowOptions } from './follow-tool-task';
import { toolTaskOf } from './tool-task-state';

/** Either answer a task-augmented `tools/call` may get: a task, or (a server that ran it at once) the result. */
const CallOrTaskSchema = z.looseObject({});

/**
 * Sends `tools/call` with the spec's `task` field and follows the task it creates (see
 * {@link followToolTask}); a server that answers with a plain result instead is taken at its word.
 * The task is reported before it is polled, so the caller can store its id first.
 */
export async function callToolAsTask(
  client: Client,
  params: { name: string; arguments: Record<string, unknown> },
  request: RequestOptions & { signal: AbortSignal },
  follow: Omit<FollowOptions, 'signal'>,
): Promise<CallToolResult> {
  const answer = await client.request({ method: 'tools/call', params }, CallOrTaskSchema, { ...request, task: { ttl: follow.resultTimeoutMs } });
  if (!('task' in answer)) return CallToolResultSchema.parse(answer);
  const task = toolTaskOf(CreateTaskResultSchema.parse(answer).task);
  follow.onTask?.(task);
  return followToolTask(client, task.taskId, { ...follow, signal: request.signal });
}
