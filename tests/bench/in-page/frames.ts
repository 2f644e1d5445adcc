/** Timing helpers the in-page probes share: clocks, painted frames, a settled DOM. */

export const now = () => performance.now();
export const wall = () => performance.timeOrigin + performance.now();
/** The next frame has been painted: a task queued from inside requestAnimationFrame runs after it. */
export const afterPaint = () => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(now()), 0)));
/** The element matching `selector` whose accessible name is `label` (set as aria-label). */
export const byLabel = (selector: string, label: string) => document.querySelector<HTMLElement>(`${selector}[aria-label="${label}"]`);

/** Resolves when `condition` holds at a frame, then after that frame is painted; rejects after `timeoutMs`. */
export function untilFrame(condition: () => boolean, timeoutMs: number): Promise<number> {
  const started = now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (condition()) return void afterPaint().then(resolve);
      if (now() - started > timeoutMs) return reject(new Error(`Condition not met within ${timeoutMs} ms`));
      requestAnimationFrame(tick);
    };
    tick();
  });
}

/** Resolves once no DOM mutation happened for `quietMs` (the view has settled), at most `maxMs`. */
export function settled(quietMs = 400, maxMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const started = now();
    let last = now();
    const observer = new MutationObserver(() => void (last = now()));
    observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
    const poll = () => {
      if (now() - last >= quietMs || now() - started >= maxMs) {
        observer.disconnect();
        return resolve();
      }
      setTimeout(poll, 50);
    };
    poll();
  });
}

