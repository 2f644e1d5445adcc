import type { Page } from 'playwright-core';
import type { BenchWorld } from './bench-world';
import { profileWhile } from './cpu-profile';
import { figure } from './figure';
import type { StreamResult } from './in-page/probes';
import type { StreamTiming } from './paced-model-server';
import { round } from './stats';
import { waitUntil } from './wait-until';

/** What one streamed answer cost the page that showed it. */
function summarise(seen: StreamResult, sent: StreamTiming) {
  if (seen.finalWall === null) throw new Error('The answer never reached the DOM whole.');
  // Streaming starts when the first token leaves the server; every pause after that counts.
  const growths = [sent.firstTokenAt, ...seen.grewAt.filter((at) => at > sent.firstTokenAt)];
  const maxGap = growths.slice(1).reduce((max, at, i) => Math.max(max, at - growths[i]!), 0);
  const durations = seen.longTasks.map((task) => task.duration);
  return {
    lagMs: seen.finalWall - sent.lastTokenAt,
    maxGapMs: maxGap,
    longTasks: durations.length,
    longestTaskMs: Math.max(0, ...durations),
    blockedMs: durations.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
    tokensPerSecond: sent.tokens / ((sent.lastTokenAt - sent.firstTokenAt) / 1000),
    serverMaxSendGapMs: sent.maxSendGapMs,
  };
}

async function streamOnce(world: BenchWorld, page: Page, selector: string, start: () => Promise<void>, finished: () => Promise<void>) {
  const { session, model } = world;
  const before = model.streams.length;
  // A background tab gets no animation frames: the page must be the one in front, as a panel in use is.
  await page.bringToFront();
  await session.probe(page, 'startStream', selector, model.marker);
  const { summary } = await profileWhile(page, async () => {
    await start();
    await waitUntil('the answer in the DOM', async () => (await session.probe(page, 'streamProgress'))?.finalWall, 120_000);
    await finished();
  });
  const seen = await session.probe(page, 'stopStream');
  return { ...summarise(seen!, model.streams[before]!), profile: summary };
}

/**
 * P4: 20,000 tokens at 1,000 tokens/s into a new conversation in the panel. Long tasks (the
 * `longtask` observer) from Send until the run has ended; the delay from the last token leaving the
 * model server to the answer's last words in the DOM; the longest pause in the text's growth. The
 * baseline page reads the same stream with fetch and appends each delta to a text node.
 */
export async function measureStreaming(world: BenchWorld) {
  const chat = await world.session.panel.openChat();
  await chat.newConversation();
  await chat.message.fill('Write the long answer.');
  const ours = await streamOnce(
    world,
    chat.page,
    '[role="region"][aria-label="Messages"]',
    () => chat.sendButton.click(),
    () => chat.stopButton.waitFor({ state: 'hidden', timeout: 60_000 }),
  );
  const bare = await streamOnce(
    world,
    world.session.baseline,
    '#stream',
    () => world.session.onBaseline('streamAnswer', world.model.url, world.model.model),
    async () => undefined,
  );
  const met = ours.longestTaskMs <= 50 && ours.lagMs <= 100 && ours.maxGapMs <= 100;
  return figure(
    {
      value: Math.max(0, ours.lagMs),
      unit: 'ms from last token to final text in the DOM',
      baseline: Math.max(0, bare.lagMs),
      runs: 1,
      goal: 'no long task > 50 ms; final text ≤ 100 ms after the last token; text at least every 100 ms',
      met,
    },
    {
      tokens: world.counts.streamTokens,
      tokensPerSecond: round(ours.tokensPerSecond),
      longTasks: ours.longTasks,
      longestTaskMs: round(ours.longestTaskMs),
      blockedMs: round(ours.blockedMs),
      maxTextGapMs: round(ours.maxGapMs),
      baselineLongestTaskMs: round(bare.longestTaskMs),
      baselineMaxTextGapMs: round(bare.maxGapMs),
      serverMaxSendGapMs: round(Math.max(ours.serverMaxSendGapMs, bare.serverMaxSendGapMs)),
      ...(ours.profile ? { profile: ours.profile } : {}),
    },
  );
}
