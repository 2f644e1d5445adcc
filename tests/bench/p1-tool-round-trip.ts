import type { BenchWorld } from './bench-world';
import { profileWorkerWhile, type ProfileSummary } from './cpu-profile';
import { figure } from './figure';
import { median, p95, round } from './stats';

const ARGS = { message: 'bench round trip' };
/** Panel and baseline calls alternate in blocks, so a burst of load elsewhere hits both sides alike. */
const BLOCKS = 4;

/**
 * P1: a read-only call (server-everything's `echo`) from the panel page through the background —
 * the `connectors.callTool` command a hand run sends, exactly as the panel's command client sends
 * it (on its open port) — to the server and back, against a bare SDK client making the
 * same call from an extension page of the same browser.
 */
export async function measureToolRoundTrip({ session, counts, everything, everythingId }: BenchWorld) {
  const panel = session.panel.page;
  await session.onBaseline('connect', 'everything', everything.url);
  await panel.bringToFront();
  await session.probe(panel, 'timeCalls', everythingId, 'echo', ARGS, counts.warmupCalls);
  await session.onBaseline('timeCalls', 'everything', 'echo', ARGS, counts.warmupCalls);
  const ours: number[] = [];
  const bare: number[] = [];
  const perBlock = Math.ceil(counts.toolCalls / BLOCKS);
  let profile: ProfileSummary | null = null;
  for (let block = 0; block < BLOCKS; block++) {
    // Each side runs in the foreground tab, as a panel in use would.
    await panel.bringToFront();
    const calls = () => session.probe(panel, 'timeCalls', everythingId, 'echo', ARGS, perBlock);
    // With PATCHBAY_BENCH_PROFILE=1, the first block is profiled in the background, to name where its time goes.
    const { result, summary } = block === 0 ? await profileWorkerWhile(panel, calls) : { result: await calls(), summary: null };
    profile ??= summary;
    ours.push(...result);
    await session.baseline.bringToFront();
    bare.push(...(await session.onBaseline('timeCalls', 'everything', 'echo', ARGS, perBlock)));
  }
  // How much of the difference is the messaging hop itself (the port to the worker and back).
  const pings = await session.probe(panel, 'timePings', perBlock);
  const value = median(ours);
  const baseline = median(bare);
  return figure(
    { value, unit: 'ms', baseline, runs: ours.length, goal: 'median ≤ 1.2× a bare SDK client', met: value <= 1.2 * baseline },
    { p95: round(p95(ours)), baselineP95: round(p95(bare)), pingMs: round(median(pings)), ...(profile ? { backgroundProfile: profile } : {}) },
  );
}
