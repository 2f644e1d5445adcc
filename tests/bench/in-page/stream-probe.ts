import { now, wall } from './frames';

export interface StreamResult {
  /** Wall-clock ms when the marker (the answer's last words) was first in the DOM. */
  finalWall: number | null;
  /** Wall-clock ms of every mutation batch that made the text longer, to find the longest pause. */
  grewAt: number[];
  longTasks: { start: number; duration: number }[];
}

/**
 * Watches text stream into `selector` (found again at each mutation: the list may replace it) until
 * `marker` is in it, while recording every long task. Call `stop()` once the run has finished.
 */
export function watchStream(selector: string, marker: string) {
  const result: StreamResult = { finalWall: null, grewAt: [], longTasks: [] };
  const started = now();
  const keep = (entries: PerformanceEntryList) => {
    for (const entry of entries) if (entry.startTime >= started) result.longTasks.push({ start: entry.startTime, duration: entry.duration });
  };
  const tasks = new PerformanceObserver((list) => keep(list.getEntries()));
  tasks.observe({ type: 'longtask', buffered: false });
  let length = 0;
  let item: string | null = null;
  const observer = new MutationObserver(() => {
    if (result.finalWall !== null) return;
    // In the panel's virtualised list, the answer is the last item: older items may leave the DOM.
    const root = document.querySelector(selector);
    const items = root?.querySelectorAll('[data-index]');
    const target = items?.length ? items[items.length - 1]! : root;
    const key = target?.getAttribute('data-index') ?? null;
    if (key !== item) [item, length] = [key, 0];
    const text = target?.textContent ?? '';
    if (text.length <= length) return;
    length = text.length;
    const at = wall();
    result.grewAt.push(Math.round(at * 10) / 10);
    if (text.includes(marker)) result.finalWall = at;
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  return {
    /** What has been seen so far, without the growth times (polled while the stream runs). */
    progress: () => ({ finalWall: result.finalWall, growths: result.grewAt.length }),
    stop(): StreamResult {
      observer.disconnect();
      keep(tasks.takeRecords());
      tasks.disconnect();
      return result;
    },
  };
}

