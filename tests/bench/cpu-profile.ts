import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { WorkerCdp } from './worker-cdp';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where the main thread's time went: self time by function and by file, largest first. */
export interface ProfileSummary {
  functions: { name: string; ms: number }[];
  files: { file: string; ms: number }[];
  /**
   * A page's own count of its main thread's work over the same span (CDP Performance metrics): the
   * profile's "(program)" is native time, and these say how much of it was style and layout.
   */
  renderer?: Record<string, number>;
}

const RENDERER_METRICS = ['TaskDuration', 'ScriptDuration', 'V8CompileDuration', 'RecalcStyleDuration', 'LayoutDuration', 'TaskOtherDuration', 'DevToolsCommandDuration', 'RecalcStyleCount', 'LayoutCount'];

async function rendererMetrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const durations = new Set(RENDERER_METRICS.filter((name) => name.endsWith('Duration')));
  return Object.fromEntries(metrics.filter((m) => RENDERER_METRICS.includes(m.name)).map((m) => [m.name, durations.has(m.name) ? m.value * 1000 : m.value]));
}

/** Whether this run profiles: PATCHBAY_BENCH_PROFILE=1. The profiler slows what it watches. */
export const profiling = () => process.env.PATCHBAY_BENCH_PROFILE === '1';

/** A CPU profile over any CDP `send` (a page's session, or the worker's) while `work` runs. */
async function profileWith<T>(send: (method: string, params?: Record<string, unknown>) => Promise<unknown>, work: () => Promise<T>) {
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 500 });
  await send('Profiler.start');
  const result = await work();
  const { profile } = (await send('Profiler.stop')) as { profile: Profile };
  return { result, summary: summarise(profile) };
}

/**
 * A CPU profile of a page while `work` runs, for naming the cause of a missed goal. Only when
 * `profiling()`: profiled runs are slower, so their figures are not the bench's.
 */
export async function profileWhile<T>(page: Page, work: () => Promise<T>): Promise<{ result: T; summary: ProfileSummary | null }> {
  if (!profiling()) return { result: await work(), summary: null };
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    const before = await rendererMetrics(cdp);
    const profiled = await profileWith((method, params) => cdp.send(method as 'Profiler.start', params), work);
    const after = await rendererMetrics(cdp);
    const renderer = Object.fromEntries(Object.entries(after).map(([name, value]) => [name, Math.round(value - (before[name] ?? 0))]));
    return { result: profiled.result, summary: { ...profiled.summary, renderer } };
  } finally {
    await cdp.detach();
  }
}

/** Starts profiling a page before it navigates (pass to `openWatched`); `stop` ends it and summarises. */
export function pageLoadProfiler() {
  let cdp: CDPSession | undefined;
  return {
    async beforeGoto(page: Page): Promise<void> {
      cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    },
    async stop(): Promise<ProfileSummary> {
      const { profile } = (await cdp!.send('Profiler.stop')) as unknown as { profile: Profile };
      await cdp!.detach();
      return summarise(profile);
    },
  };
}

/** The same for the extension's service worker (the background). */
export async function profileWorkerWhile<T>(page: Page, work: () => Promise<T>): Promise<{ result: T; summary: ProfileSummary | null }> {
  if (!profiling()) return { result: await work(), summary: null };
  const worker = await WorkerCdp.attach(page);
  try {
    return await profileWith((method, params) => worker.send(method, params), work);
  } finally {
    await worker.detach();
  }
}

let saved = 0;

/** With PATCHBAY_BENCH_PROFILE_DIR, each whole profile is kept there too (.cpuprofile: DevTools opens it). */
function summarise(profile: Profile): ProfileSummary {
  const dir = process.env.PATCHBAY_BENCH_PROFILE_DIR;
  if (dir) writeFileSync(`${dir}/profile-${++saved}.cpuprofile`, JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const functions = new Map<string, number>();
  const files = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const file = frame.url ? new URL(frame.url).pathname.split('/').pop()! : `(${frame.functionName || 'native'})`;
    const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
    files.set(file, (files.get(file) ?? 0) + ms);
  });
  const top = <K extends string>(map: Map<string, number>, key: K) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([name, ms]) => ({ [key]: name, ms: Math.round(ms) }) as Record<K, string> & { ms: number });
  return { functions: top(functions, 'name'), files: top(files, 'file') };
}
