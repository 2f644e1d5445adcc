/**
 * Measuring code that runs inside the pages under test (the panel and the baseline pages). It is
 * bundled to one classic script and injected before the page's own scripts (Playwright's init
 * script), so it sees the page from its first mutation. It imports nothing of Patchbay: it reads
 * the DOM by the accessible names the UI contract promises, as a user (or a test) would.
 */

import { sendEnvelope } from './command-port';
import { now } from './frames';
import { openConversation, openDrawer, opened, refreshCatalog, watchOpen, type OpenMarks } from './open-probes';
import { watchStream } from './stream-probe';

export type { OpenMarks } from './open-probes';
export type { StreamResult } from './stream-probe';

/** A command to the background, exactly as the panel sends it (lib/messaging/command-client). */
async function command(name: string, payload: unknown): Promise<unknown> {
  const reply = (await sendEnvelope({ channel: 'patchbay/command', command: name, payload })) as
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

/** `n` `ping` commands: the messaging hop alone, panel to background and back (on the port, as the panel sends). */
async function timePings(n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = now();
    await command('ping', {});
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
  timePings,
  domNodes: () => document.getElementsByTagName('*').length,
};
export type BenchProbes = typeof api;

declare global {
  interface Window {
    __patchbayBench: BenchProbes;
  }
}
window.__patchbayBench = api;
