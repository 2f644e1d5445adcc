/** How long after the screen appears a deferred job waits at least: the first screen's lists paint first. */
const SETTLE_MS = 500;
/** The longest a deferred job then waits for an idle moment before it runs anyway. */
const IDLE_TIMEOUT_MS = 2_000;

/**
 * Runs `job` once the first screen has settled and the page has nothing else to do, for work that
 * only prepares a later step, such as fetching a view's chunk ahead of time. (An idle moment alone
 * is too early: waiting on IndexedDB for the first lists counts as idle.) Returns a cancel.
 */
export function whenIdle(job: () => void): () => void {
  let idle: number | undefined;
  const timer = setTimeout(() => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(job, { timeout: IDLE_TIMEOUT_MS });
    else job();
  }, SETTLE_MS);
  return () => {
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}
