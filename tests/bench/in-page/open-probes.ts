/** Probes of the panel's screens: a cold open, a conversation opening, a catalog refresh. */
import { afterPaint, byLabel, now, settled, untilFrame } from './frames';

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

/** Settles when the page watched by `watchOpen` is interactive. */
export const opened = (() => {
  let resolve!: (marks: OpenMarks) => void;
  const promise = new Promise<OpenMarks>((settle) => (resolve = settle));
  return { promise, resolve };
})();
/**
 * Watches a page open: `panel` waits for the Message box and, clicking Conversations as soon as it
 * exists, the first conversation in the list; `baseline` waits for the Message box only.
 */
export function watchOpen(mode: 'panel' | 'baseline'): OpenMarks {
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

/** Opens the drawer if it is closed and waits for its list. */
export async function openDrawer(): Promise<void> {
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
export async function openConversation(title: string, marker: string): Promise<{ lastScreenMs: number; domNodes: number }> {
  const button = [...document.querySelectorAll<HTMLButtonElement>('.conversation-open')].find((b) => b.querySelector('.conversation-title')?.textContent === title);
  if (!button) throw new Error(`No conversation titled "${title}" in the drawer.`);
  const started = now();
  button.click();
  const painted = await untilFrame(() => lastScreenShows(marker), 15_000).catch((error: unknown) => {
    const region = byLabel('[role="region"]', 'Messages');
    const items = region?.querySelectorAll<HTMLElement>('[data-index]') ?? [];
    const last = items[items.length - 1];
    throw new Error(`${String(error)}; region ${region ? 'present' : 'absent'}, ${items.length} items, last ${last?.dataset.index}: ${last?.textContent?.slice(0, 80)} box ${JSON.stringify(last?.getBoundingClientRect())} view ${JSON.stringify(region?.getBoundingClientRect())} title ${document.querySelector('.chat-title')?.textContent} scroll ${region?.scrollTop}+${region?.clientHeight} of ${region?.scrollHeight}`);
  });
  await settled();
  return { lastScreenMs: painted - started, domNodes: document.getElementsByTagName('*').length };
}

/**
 * Clicks Refresh all (every connector's tool list at once, as a user refreshes everything), and
 * measures until each connector shows a tool list fetched after the click with as many switches
 * as before, painted.
 */
export async function refreshCatalog(): Promise<number> {
  const items = [...document.querySelectorAll<HTMLElement>('li.connector')];
  const switches = (item: HTMLElement) => item.querySelectorAll('[role="switch"]').length;
  const expected = items.map(switches);
  const button = byLabel('button', 'Refresh all tools') as HTMLButtonElement | null;
  if (!button) throw new Error('The Connectors screen has no Refresh all tools button.');
  const since = Date.now();
  const started = now();
  button.click();
  const fresh = (item: HTMLElement, index: number) => {
    const fetched = item.querySelector('time')?.getAttribute('datetime');
    return typeof fetched === 'string' && Date.parse(fetched) >= since - 1 && switches(item) === expected[index];
  };
  const painted = await untilFrame(() => items.every((item, index) => item.isConnected && fresh(item, index)), 60_000);
  return painted - started;
}

