/**
 * Measuring code that runs inside the pages under test (the panel and the baseline pages). It is
 * bundled to one classic script and injected before the page's own scripts (Playwright's init
 * script), so it sees the page from its first mutation. It imports nothing of Patchbay: it reads
 * the DOM by the accessible names the UI contract promises, as a user (or a test) would.
 */

/** Times since the page's navigation started (performance.now), in milliseconds. */
export interface OpenMarks {
  composer?: number;
  /** `composer` as wall-clock milliseconds: the first screen takes input from here. */
  composerWall?: number;
  list?: number;
  /** After the frame in which both were present: the screen is painted and takes input. */
  interactive?: number;
  /** `interactive` as wall-clock milliseconds, to compare with CDP network timestamps. */
  interactiveWall?: number;
}

export interface StreamResult {
  /** Wall-clock ms when the marker (the answer's last words) was first in the DOM. */
  finalWall: number | null;
  /** Wall-clock ms of every mutation batch that made the text longer, to find the longest pause. */
  grewAt: number[];
  longTasks: { start: number; duration: number }[];
}

const now = () => performance.now();
const wall = () => performance.timeOrigin + performance.now();
/** The next frame has been painted: a task queued from inside requestAnimationFrame runs after it. */
const afterPaint = () => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(now()), 0)));
/** Settles when the page watched by `watchOpen` is interactive. */
const opened = (() => {
  let resolve!: (marks: OpenMarks) => void;
  const promise = new Promise<OpenMarks>((settle) => (resolve = settle));
  return { promise, resolve };
})();
const byLabel = (selector: string, label: string) => document.querySelector<HTMLElement>(`${selector}[aria-label="${label}"]`);

/**
 * Watches a page open: `panel` waits for the Message box and, clicking Conversations as soon as it
 * exists, the first conversation in the list; `baseline` waits for the Message box only.
 */
function watchOpen(mode: 'panel' | 'baseline'): OpenMarks {
  const marks: OpenMarks = {};
  const check = () => {
    const box = byLabel('textarea', 'Message') as HTMLTextAreaElement | null;
    if (box && !box.disabled && marks.composer === undefined) {
      marks.composer = now();
      marks.composerWall = performance.timeOrigin + marks.composer;
    }
    if (mode === 'panel' && marks.list === undefined) {
      const toggle = [...document.querySelectorAll<HTMLButtonElement>('button[aria-controls]')].find((b) => b.textContent?.includes('Conversations'));
      if (toggle?.getAttribute('aria-expanded') === 'false') toggle.click();
      if (document.querySelector('.conversation-list li')) marks.list = now();
    }
    const done = marks.composer !== undefined && (mode === 'baseline' || marks.list !== undefined);
    if (!done) return;
    observer.disconnect();
    void afterPaint().then((at) => {
      marks.interactive = at;
      marks.interactiveWall = performance.timeOrigin + at;
      opened.resolve(marks);
    });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
  return marks;
}

/** Resolves when `condition` holds at a frame, then after that frame is painted; rejects after `timeoutMs`. */
function untilFrame(condition: () => boolean, timeoutMs: number): Promise<number> {
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
function settled(quietMs = 400, maxMs = 10_000): Promise<void> {
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

/** Opens the drawer if it is closed and waits for its list. */
async function openDrawer(): Promise<void> {
  const toggle = [...document.querySelectorAll<HTMLButtonElement>('button[aria-controls]')].find((b) => b.textContent?.includes('Conversations'));
  if (!toggle) throw new Error('No Conversations button on the page.');
  if (toggle.getAttribute('aria-expanded') === 'false') toggle.click();
  await untilFrame(() => document.querySelector('.conversation-list li') !== null, 10_000);
}

/** The last message of the open conversation is on screen: its marker text is inside the list's viewport. */
function lastScreenShows(marker: string): boolean {
  const region = byLabel('[role="region"]', 'Messages');
  if (!region) return false;
  const items = region.querySelectorAll<HTMLElement>('[data-index]');
  const last = items[items.length - 1];
  if (!last?.textContent?.includes(marker)) return false;
  const box = last.getBoundingClientRect();
  const view = region.getBoundingClientRect();
  return box.bottom <= view.bottom + 2 && box.bottom > view.top;
}

/**
 * Clicks the conversation titled `title` in the (open) drawer and measures until its last
 * message is painted on screen; then, once the view has settled, counts the page's elements.
 */
async function openConversation(title: string, marker: string): Promise<{ lastScreenMs: number; domNodes: number }> {
  const button = [...document.querySelectorAll<HTMLButtonElement>('.conversation-open')].find((b) => b.querySelector('.conversation-title')?.textContent === title);
  if (!button) throw new Error(`No conversation titled "${title}" in the drawer.`);
  const started = now();
  button.click();
  const painted = await untilFrame(() => lastScreenShows(marker), 15_000);
  await settled();
  return { lastScreenMs: painted - started, domNodes: document.getElementsByTagName('*').length };
}

/**
 * Clicks Refresh tools on every connector on screen at once ("refresh all"), and measures until
 * each shows a tool list fetched after the click with as many switches as before, painted.
 */
async function refreshCatalog(): Promise<number> {
  const items = [...document.querySelectorAll<HTMLElement>('li.connector')];
  const switches = (item: HTMLElement) => item.querySelectorAll('[role="switch"]').length;
  const expected = items.map(switches);
  const since = Date.now();
  const started = now();
  for (const item of items) {
    const button = [...item.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Refresh tools');
    if (!button) throw new Error(`${item.getAttribute('aria-label')} has no Refresh tools button.`);
    button.click();
  }
  const fresh = (item: HTMLElement, index: number) => {
    const fetched = item.querySelector('time')?.getAttribute('datetime');
    return typeof fetched === 'string' && Date.parse(fetched) >= since - 1 && switches(item) === expected[index];
  };
  const painted = await untilFrame(() => items.every((item, index) => item.isConnected && fresh(item, index)), 60_000);
  return painted - started;
}

/**
 * Watches text stream into `selector` (found again at each mutation: the list may replace it) until
 * `marker` is in it, while recording every long task. Call `stop()` once the run has finished.
 */
function watchStream(selector: string, marker: string) {
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

/** The page's `chrome.runtime`: these pages are extension pages. */
function extensionRuntime(): { sendMessage(message: unknown): Promise<unknown> } {
  return (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome.runtime;
}

/** A command to the background, exactly as the panel sends it (lib/messaging/command-client). */
async function command(name: string, payload: unknown): Promise<unknown> {
  const reply = (await extensionRuntime().sendMessage({ channel: 'patchbay/command', command: name, payload })) as
    | { ok: true; result: unknown }
    | { ok: false; error: { code: string; message: string } };
  if (!reply?.ok) throw new Error(`${name} failed: ${reply ? reply.error.message : 'no reply'}`);
  return reply.result;
}

/** `n` hand-run tool calls through the background, one after another; the time of each. */
async function timeCalls(connectorId: string, toolName: string, args: Record<string, unknown>, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = now();
    await command('connectors.callTool', { id: connectorId, callId: `bench-${Math.random().toString(36).slice(2)}`, toolName, args });
    times.push(now() - started);
  }
  return times;
}

let stream: ReturnType<typeof watchStream> | null = null;

const api = {
  open: null as OpenMarks | null,
  watchOpen: (mode: 'panel' | 'baseline') => void (api.open = watchOpen(mode)),
  /** The marks of `watchOpen`, once the page is interactive. */
  whenOpen: () => opened.promise,
  openDrawer,
  openConversation,
  refreshCatalog,
  startStream: (selector: string, marker: string) => void (stream = watchStream(selector, marker)),
  streamProgress: () => stream?.progress() ?? null,
  stopStream: () => stream?.stop() ?? null,
  command,
  timeCalls,
  domNodes: () => document.getElementsByTagName('*').length,
};
export type BenchProbes = typeof api;

declare global {
  interface Window {
    __patchbayBench: BenchProbes;
  }
}
window.__patchbayBench = api;
