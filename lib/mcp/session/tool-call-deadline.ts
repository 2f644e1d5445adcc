import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { DEFAULT_TOTAL_TIMEOUT_SECONDS } from '../../contract/connector-draft';

/** How long a tool call may run in total by default, however often the server reports progress. */
export const DEFAULT_MAX_TOTAL_TIMEOUT_MS = DEFAULT_TOTAL_TIMEOUT_SECONDS * 1_000;

/**
 * A call reached its connector's total deadline. Progress restarts the per-call timeout, so a
 * server that reports progress forever would otherwise hold the call (and a run) forever.
 */
export class ToolCallDeadlineError extends Error {
  override readonly name = 'ToolCallDeadlineError';
  readonly code = 'total-deadline';

  constructor(readonly maxTotalTimeoutMs: number) {
    super(`The tool call was stopped after ${formatSeconds(maxTotalTimeoutMs)} in total, this connector's limit per call: progress from the server restarts the timeout, not this limit.`);
  }
}

/**
 * Runs a call under a signal that also aborts at the total deadline. Aborting (rather than only
 * the SDK's `maxTotalTimeout`, which is checked when progress arrives) ends the call on time even
 * between progress notifications, and sends the server `notifications/cancelled`. The caller's own
 * abort (Stop) stays what it is; reaching the deadline becomes a {@link ToolCallDeadlineError}.
 */
export async function withinTotalDeadline<T>(maxTotalTimeoutMs: number, signal: AbortSignal | undefined, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const deadline = AbortSignal.timeout(maxTotalTimeoutMs);
  try {
    return await run(signal ? AbortSignal.any([signal, deadline]) : deadline);
  } catch (error) {
    if ((deadline.aborted && !signal?.aborted) || isTotalTimeout(error)) throw new ToolCallDeadlineError(maxTotalTimeoutMs);
    throw error;
  }
}

function formatSeconds(ms: number): string {
  const seconds = Math.round(ms / 1_000);
  return seconds % 60 === 0 && seconds >= 60 ? `${seconds / 60} min` : `${seconds} s`;
}

/** The SDK's own verdict when progress arrived after `maxTotalTimeout` had passed. */
export function isTotalTimeout(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === ErrorCode.RequestTimeout && /maximum total timeout/i.test(error instanceof Error ? error.message : '');
}
