import type { BenchWorld } from './bench-world';
import { figure } from './figure';
import { median, p95, round } from './stats';

const ARGS = { message: 'bench round trip' };
/** Panel and baseline calls alternate in blocks, so a burst of load elsewhere hits both sides alike. */
const BLOCKS = 4;

/**
 * P1: a read-only call (server-everything's `echo`) from the panel page through the background —
 * the `connectors.callTool` command a hand run sends, over `runtime.sendMessage` exactly as the
 * panel's command client sends it — to the server and back, against a bare SDK client making the
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
  for (let block = 0; block < BLOCKS; block++) {
    // Each side runs in the foreground tab, as a panel in use would.
    await panel.bringToFront();
    ours.push(...(await session.probe(panel, 'timeCalls', everythingId, 'echo', ARGS, perBlock)));
    await session.baseline.bringToFront();
    bare.push(...(await session.onBaseline('timeCalls', 'everything', 'echo', ARGS, perBlock)));
  }
  const value = median(ours);
  const baseline = median(bare);
  return figure(
    { value, unit: 'ms', baseline, runs: ours.length, goal: 'median ≤ 1.2× a bare SDK client', met: value <= 1.2 * baseline },
    { p95: round(p95(ours)), baselineP95: round(p95(bare)) },
  );
}
