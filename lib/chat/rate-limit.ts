import { ModelRateLimitedError } from '../llm/model-errors';

/** How many times one model step is asked again after a 429 before the run ends with the error. */
export const RATE_LIMIT_MAX_RETRIES = 3;
/** A longer wait than this is not worth holding a worker alive for: the run ends and the user retries. */
export const RATE_LIMIT_MAX_WAIT_MS = 60_000;
/** The first wait when the server named none; doubled on each further attempt (2, 4, 8 s). */
export const RATE_LIMIT_DEFAULT_WAIT_MS = 2_000;

/**
 * How long to wait before asking again after the `attempt`-th 429 in a row (0-based), or `null`
 * when the run should end with the error instead: too many attempts, or a wait above a minute.
 */
export function rateLimitWait(error: unknown, attempt: number): number | null {
  if (!(error instanceof ModelRateLimitedError) || attempt >= RATE_LIMIT_MAX_RETRIES) return null;
  const wait = error.retryAfterMs ?? RATE_LIMIT_DEFAULT_WAIT_MS * 2 ** attempt;
  return wait <= RATE_LIMIT_MAX_WAIT_MS ? wait : null;
}

/** Resolves after `ms`, or at once when `signal` aborts (Stop); never rejects. */
export function waitUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
