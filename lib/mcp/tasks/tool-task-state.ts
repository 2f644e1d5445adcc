import type { Task } from '@modelcontextprotocol/sdk/types.js';
import { MAX_TASK_STATUS_MESSAGE, ToolTaskSchema, type ToolTask } from '../../contract/tool-task';
import type { ConnectorRow } from '../../db/rows';

/** Poll no faster than this, whatever the server asks: a hostile `pollInterval: 1` is not a flood. */
export const MIN_POLL_INTERVAL_MS = 250;
/** Poll at least this often, so a status change shows within seconds even if the server asks for hours. */
export const MAX_POLL_INTERVAL_MS = 5_000;
/** What the spec's requestor does when the server names no interval. */
export const DEFAULT_POLL_INTERVAL_MS = 1_000;

/** The server's `pollInterval`, bounded to [{@link MIN_POLL_INTERVAL_MS}, {@link MAX_POLL_INTERVAL_MS}]. */
export function boundedPollInterval(pollInterval: number | undefined): number {
  if (pollInterval === undefined || !Number.isFinite(pollInterval)) return DEFAULT_POLL_INTERVAL_MS;
  return Math.round(Math.min(MAX_POLL_INTERVAL_MS, Math.max(MIN_POLL_INTERVAL_MS, pollInterval)));
}

/** A task from the wire as Patchbay keeps it: checked, its message cut to size, its interval bounded. */
export function toolTaskOf(task: Task, now = Date.now()): ToolTask {
  const message = task.statusMessage?.slice(0, MAX_TASK_STATUS_MESSAGE);
  return ToolTaskSchema.parse({
    taskId: task.taskId,
    status: task.status,
    ...(message ? { statusMessage: message } : {}),
    pollIntervalMs: boundedPollInterval(task.pollInterval),
    updatedAt: now,
  });
}

/**
 * Whether a call to this tool goes out as a task: the server declared task-augmented `tools/call`
 * and the tool allows it (`execution.taskSupport` is `required` or `optional`; the spec's default
 * is `forbidden`). Read from the stored row, so it holds on a session resumed after a restart too.
 */
export function callsAsTask(row: Pick<ConnectorRow, 'capabilities' | 'tools'>, toolName: string): boolean {
  const tasks = (row.capabilities as { tasks?: { requests?: { tools?: { call?: unknown } } } } | null)?.tasks;
  if (!tasks?.requests?.tools?.call) return false;
  const tool = row.tools.find((t) => t.name === toolName) as { execution?: { taskSupport?: unknown } } | undefined;
  const support = tool?.execution?.taskSupport;
  return support === 'required' || support === 'optional';
}
