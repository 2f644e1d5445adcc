import { z } from 'zod';

/** A task's lifecycle as the 2025-11-25 spec names it; the last three are terminal. */
export const TASK_STATUSES = ['working', 'input_required', 'completed', 'failed', 'cancelled'] as const;
export const ToolTaskStatusSchema = z.enum(TASK_STATUSES);
export type ToolTaskStatus = z.infer<typeof ToolTaskStatusSchema>;

/** The longest status message kept: it is the server's text, shown as plain text, never more. */
export const MAX_TASK_STATUS_MESSAGE = 500;

/**
 * A tool call the server answered with a task ("call now, fetch later"). Stored on the call so a
 * restarted worker polls the same task instead of sending the call again; every field came from
 * the server and was checked on arrival (id length, status in the closed set, message capped).
 */
export const ToolTaskSchema = z.object({
  taskId: z.string().min(1).max(200),
  status: ToolTaskStatusSchema,
  /** What the server says it is doing, as plain text. */
  statusMessage: z.string().max(MAX_TASK_STATUS_MESSAGE).optional(),
  /** The poll interval the server asked for (already bounded by Patchbay). */
  pollIntervalMs: z.number().int().positive().optional(),
  updatedAt: z.number(),
});
export type ToolTask = z.infer<typeof ToolTaskSchema>;

/** Whether the task can still change: a terminal one is never polled again. */
export function isTerminalTaskStatus(status: ToolTaskStatus): boolean {
  switch (status) {
    case 'working':
    case 'input_required':
      return false;
    case 'completed':
    case 'failed':
    case 'cancelled':
      return true;
  }
}

/** The status in the words a person reads on the card. */
export const TASK_STATUS_TEXT: Record<ToolTaskStatus, string> = {
  working: 'Task working',
  input_required: 'Task needs input',
  completed: 'Task completed',
  failed: 'Task failed',
  cancelled: 'Task cancelled',
};
