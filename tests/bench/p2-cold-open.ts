import type { BenchWorld } from './bench-world';
import { pageLoadProfiler, profiling } from './cpu-profile';
import { figure } from './figure';
import { median, round } from './stats';
import { log } from './wait-until';

/** "Flat" growth, made a number: the largest store opens at most this much slower than the smallest. */
export const FLAT_GROWTH = 1.25;
/** Seeded conversations start this long ago, a second apart, so later conversations are newer. */
const SEED_START = Date.now() - 30 * 24 * 3600 * 1000;
const n = (count: number) => count.toLocaleString('en');

/** Median time to interactive of `runs` cold opens of the panel, and of the empty page if asked. */
async function openTimes(world: BenchWorld, runs: number, withBaseline: boolean) {
  const panel: number[] = [];
  const composer: number[] = [];
  const empty: number[] = [];
  for (let run = 0; run < runs; run++) {
    const opened = await world.session.openWatched('sidepanel.html', 'panel');
    panel.push(opened.marks.interactive);
    composer.push(opened.marks.composer);
    await opened.page.close();
    if (!withBaseline) continue;
    const bare = await world.session.openWatched('bench/empty.html', 'baseline');
    empty.push(bare.marks.interactive);
    await bare.page.close();
  }
  return { panel: median(panel), composer: median(composer), empty: withBaseline ? median(empty) : 0 };
}

/** With PATCHBAY_BENCH_PROFILE=1: one more open, profiled from before navigation to interactive. */
async function profileOpen(world: BenchWorld) {
  const profiler = pageLoadProfiler();
  const { page } = await world.session.openWatched('sidepanel.html', 'panel', profiler.beforeGoto);
  const summary = await profiler.stop();
  await page.close();
  return summary;
}

/**
 * P2: a new tab at the panel's page, from navigation start until the Message box takes input and
 * the conversation list shows its first page (the probe opens the drawer the moment its button
 * exists), then one painted frame. Measured with 10, 1,000 and 10,000 conversations stored (50
 * messages each), seeded between points; the empty React page is opened the same way alongside.
 */
export async function measureColdOpen(world: BenchWorld) {
  const { session, counts } = world;
  const points: { size: number; messages: number; value: number; composerMs: number }[] = [];
  let seeded = 0;
  let goal = { panel: 0, composer: 0, empty: 0 };
  for (const [index, size] of counts.conversationPoints.entries()) {
    log(`P2: seeding ${size - seeded} conversations (${counts.messagesPerConversation} messages each)`);
    await session.onBaseline('seedConversations', { prefix: 'seed', from: seeded, to: size, messagesEach: counts.messagesPerConversation, connectorId: world.everythingId, startAt: SEED_START });
    seeded = size;
    const isGoal = index === 1;
    const times = await openTimes(world, counts.openRuns, isGoal);
    if (isGoal) goal = times;
    points.push({ size, messages: size * counts.messagesPerConversation, value: round(times.panel), composerMs: round(times.composer) });
  }
  const profile = profiling() ? await profileOpen(world) : null;
  const growth = points[points.length - 1]!.value / points[0]!.value;
  const ratio = goal.panel / goal.empty;
  const met = goal.panel <= 250 && ratio <= 1.5 && growth <= FLAT_GROWTH;
  return figure(
    {
      value: goal.panel,
      unit: 'ms',
      baseline: goal.empty,
      runs: counts.openRuns,
      goal: `median ≤ 250 ms and ≤ 1.5× an empty React page at ${n(counts.conversationPoints[1])} conversations; growth ≤ ${FLAT_GROWTH}× from ${n(counts.conversationPoints[0])} to ${n(counts.conversationPoints[2])}`,
      met,
    },
    { points, growth: round(growth), composerMs: round(goal.composer), ...(profile ? { profile } : {}) },
  );
}
