/**
 * The task ended `cancelled` (the user's **Cancel task**, or the server's own decision). Not an
 * ordinary failure: the engine records the call as cancelled and tells the model so.
 */
export class TaskCancelledError extends Error {
  override readonly name = 'TaskCancelledError';
  readonly code = 'task-cancelled';

  constructor(
    readonly taskId: string,
    /** The server's status message, if any (its words, plain text). */
    readonly statusMessage: string | undefined,
    /** Set when `tasks/cancel` itself failed: Patchbay stopped following, the server may go on. */
    readonly refusal?: string,
  ) {
    super(refusal ? `Stopped following the task; the server did not confirm the cancellation: ${refusal}` : `The task was cancelled${statusMessage ? `: ${statusMessage}` : '.'}`);
  }
}
