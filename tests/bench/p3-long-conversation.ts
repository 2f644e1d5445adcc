import { profileWhile, profiling } from './cpu-profile';
import type { BenchWorld } from './bench-world';
import { figure } from './figure';
import { median, round } from './stats';

/** The two conversations P3 opens; their titles are what the probe clicks. */
export function longConversations(counts: BenchWorld['counts']) {
  return {
    long: { id: 'bench-long', title: `Bench: ${counts.longMessages} messages`, messages: counts.longMessages, marker: 'bench-last-long-zq' },
    short: { id: 'bench-short', title: `Bench: ${counts.shortMessages} messages`, messages: counts.shortMessages, marker: 'bench-last-short-zq' },
  };
}

/** Seeds both, newest of all, so they are on the drawer's first page. */
export async function seedLongConversations(world: BenchWorld): Promise<void> {
  const { long, short } = longConversations(world.counts);
  for (const [offset, seed] of [long, short].entries()) {
    await world.session.onBaseline('seedLongConversation', { ...seed, connectorId: world.everythingId, updatedAt: Date.now() + offset });
  }
}

/** One cold panel, settled (its lazy chunks fetched), then a click on the conversation in the drawer. */
async function openOnce(world: BenchWorld, title: string, marker: string) {
  const { page } = await world.session.openWatched('sidepanel.html', 'panel');
  await page.waitForLoadState('networkidle');
  const opened = await world.session.probe(page, 'openConversation', title, marker);
  await page.close();
  return opened;
}

/** With PATCHBAY_BENCH_PROFILE=1: one more opening of the long conversation, profiled from the click. */
async function profileOpening(world: BenchWorld, title: string, marker: string) {
  const { page } = await world.session.openWatched('sidepanel.html', 'panel');
  await page.waitForLoadState('networkidle');
  const { summary } = await profileWhile(page, () => world.session.probe(page, 'openConversation', title, marker));
  await page.close();
  return summary;
}

/**
 * P3: from the click on a conversation in the drawer until its last message is painted inside the
 * list's viewport, for 5,000 messages and for 50; and the page's element count once the view has
 * settled, 5,000 against 50 (a virtualised list keeps it flat).
 */
export async function measureLongConversation(world: BenchWorld) {
  const { long, short } = longConversations(world.counts);
  const longRuns: { lastScreenMs: number; domNodes: number }[] = [];
  const shortRuns: { lastScreenMs: number; domNodes: number }[] = [];
  for (let run = 0; run < world.counts.conversationRuns; run++) {
    // Alternating which goes first, so neither always opens in a browser the other just warmed.
    for (const which of run % 2 ? ['long', 'short'] : ['short', 'long']) {
      if (which === 'long') longRuns.push(await openOnce(world, long.title, long.marker));
      else shortRuns.push(await openOnce(world, short.title, short.marker));
    }
  }
  const value = median(longRuns.map((r) => r.domNodes));
  const baseline = median(shortRuns.map((r) => r.domNodes));
  const lastScreenMs = median(longRuns.map((r) => r.lastScreenMs));
  const profile = profiling() ? await profileOpening(world, long.title, long.marker) : null;
  return figure(
    {
      value,
      unit: 'DOM elements',
      baseline,
      runs: longRuns.length,
      goal: `last screen painted ≤ 100 ms at ${long.messages.toLocaleString('en')} messages; DOM ≤ 1.1× that at ${short.messages}`,
      met: lastScreenMs <= 100 && value <= 1.1 * baseline,
    },
    {
      lastScreenMs: round(lastScreenMs),
      lastScreenMsAtBaseline: round(median(shortRuns.map((r) => r.lastScreenMs))),
      messages: long.messages,
      baselineMessages: short.messages,
      ...(profile ? { profile } : {}),
    },
  );
}
