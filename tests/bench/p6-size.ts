import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession } from 'playwright-core';
import type { BenchWorld } from './bench-world';
import { figure } from './figure';
import { round } from './stats';

interface LoadedFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

function sizeOf(dir: string, file: string): LoadedFile {
  const content = readFileSync(join(dir, file));
  return { file, bytes: content.length, gzipBytes: gzipSync(content).length };
}

/**
 * The JavaScript files a page really requested (CDP Network; Resource Timing lists no
 * chrome-extension:// loads), split at two moments the probe marks: the Message box taking input
 * (the first screen is interactive) and P2's interactive (the conversation list painted too).
 * Each file is gzipped from the built file.
 */
async function scriptsLoaded(world: BenchWorld, path: string, watch: 'panel' | 'baseline') {
  const requests: { url: string; wallMs: number }[] = [];
  let cdp: CDPSession | undefined;
  const opened = await world.session.openWatched(path, watch, async (page) => {
    cdp = await page.context().newCDPSession(page);
    cdp.on('Network.requestWillBeSent', (event) => requests.push({ url: event.request.url, wallMs: (event.wallTime ?? 0) * 1000 }));
    await cdp.send('Network.enable');
  });
  await opened.page.waitForLoadState('networkidle');
  await cdp!.detach();
  await opened.page.close();
  const dir = world.session.extension.dir;
  const scripts = requests.filter((request) => new URL(request.url).pathname.endsWith('.js'));
  const until = (wallMs: number) => scripts.filter((request) => request.wallMs <= wallMs).map((request) => sizeOf(dir, new URL(request.url).pathname.slice(1)));
  const all = scripts.map((request) => sizeOf(dir, new URL(request.url).pathname.slice(1)));
  return { beforeInput: until(opened.marks.composerWall), beforeList: until(opened.marks.interactiveWall), all };
}

const kb = (bytes: number) => bytes / 1024;

/**
 * P6: gzipped JavaScript the side panel requested before its first screen took input (the Message
 * box enabled), against the empty React page measured the same way; beside it, what was requested
 * by the time the conversation list was painted (P2's moment), everything requested by the time
 * the network went idle, and the background bundle's size.
 */
export async function measureSize(world: BenchWorld) {
  const panel = await scriptsLoaded(world, 'sidepanel.html', 'panel');
  const empty = await scriptsLoaded(world, 'bench/empty.html', 'baseline');
  const total = (files: LoadedFile[]) => files.reduce((sum, file) => sum + file.gzipBytes, 0);
  const background = sizeOf(world.session.extension.dir, 'background.js');
  const value = kb(total(panel.beforeInput));
  return figure(
    { value, unit: 'KB gzip', baseline: kb(total(empty.beforeInput)), runs: 1, goal: '≤ 200 KB gzipped (MCP Inspector: 533 KB)', met: value <= 200 },
    {
      files: panel.beforeInput,
      beforeListPaintedKB: round(kb(total(panel.beforeList))),
      untilIdleKB: round(kb(total(panel.all))),
      lazyFiles: panel.all.filter((file) => !panel.beforeInput.some((early) => early.file === file.file)),
      backgroundBytes: background.bytes,
      backgroundGzipBytes: background.gzipBytes,
    },
  );
}
