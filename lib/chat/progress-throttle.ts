/** At most this often a running call's progress goes to the panel: a flood of notifications is one update per interval. */
export const PROGRESS_INTERVAL_MS = 100;

/**
 * Passes on the latest value at most once per interval, the last one always (trailing). Nothing
 * here writes the database: progress is a short-lived delta for open panels (their port).
 */
export function throttleLatest<T>(send: (value: T) => void, intervalMs = PROGRESS_INTERVAL_MS): { push(value: T): void; stop(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = 0;
  let latest: { value: T } | null = null;
  const fire = () => {
    timer = null;
    if (!latest) return;
    last = Date.now();
    const { value } = latest;
    latest = null;
    send(value);
  };
  return {
    push(value) {
      latest = { value };
      if (timer !== null) return;
      const wait = Math.max(0, last + intervalMs - Date.now());
      if (wait === 0) fire();
      else timer = setTimeout(fire, wait);
    },
    stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      latest = null;
    },
  };
}
