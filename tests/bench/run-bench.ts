/**
 * `npm run bench`: Patchbay's performance figures P1–P7 (issue 12, DESIGN.md "Performance
 * budgets"), each beside a baseline measured in the same run, as one JSON object on stdout and in
 * bench-results.json (PATCHBAY_BENCH_OUT to write elsewhere). Progress goes to stderr.
 * PATCHBAY_BENCH_QUICK=1 shrinks every count (the shape test); PATCHBAY_BENCH_PROFILE=1 adds a
 * CPU profile of the streaming run (slower; for naming a cause, not for the figures).
 * PATCHBAY_BENCH_ONLY=P1,P5 measures only those figures and prints them, unchecked and unwritten
 * (for working on one cause without the whole run; the report needs every figure).
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { countsFromEnv, type BenchCounts } from './bench-counts';
import { prepareBenchExtension, type BenchExtension } from './bench-extension';
import { BenchReportSchema, type BenchReport } from './bench-schema';
import { BenchSession } from './bench-session';
import { setUpWorld } from './bench-world';
import { ensureChromeBuild } from './ensure-build';
import { describeMachine } from './machine';
import { measureToolRoundTrip } from './p1-tool-round-trip';
import { measureColdOpen } from './p2-cold-open';
import { measureLongConversation, seedLongConversations } from './p3-long-conversation';
import { measureStreaming } from './p4-streaming';
import { measureCatalog } from './p5-catalog';
import { measureSize } from './p6-size';
import { measureMemory } from './p7-memory';
import { log } from './wait-until';

async function main(): Promise<void> {
  const started = Date.now();
  const loadAtStart = loadavg()[0]!;
  const { quick, counts } = countsFromEnv();
  log(`build: ${ensureChromeBuild()}${quick ? ' (quick counts)' : ''}`);
  const extension = await prepareBenchExtension();
  try {
    await runFigures(extension, { started, loadAtStart, quick, counts });
  } finally {
    await extension.close();
  }
}

async function runFigures(extension: BenchExtension, run: { started: number; loadAtStart: number; quick: boolean; counts: BenchCounts }): Promise<void> {
  const { started, loadAtStart, quick, counts } = run;
  const session = await BenchSession.start(extension);
  try {
    const world = await setUpWorld(session, counts);
    try {
      const only = onlyFigures();
      if (only) {
        process.stdout.write(`${JSON.stringify(await measureOnly(world, only), null, 2)}\n`);
        return;
      }
      log('P1 tool round trip');
      const P1 = await measureToolRoundTrip(world);
      log('P2 cold open');
      const P2 = await measureColdOpen(world);
      log('P6 size');
      const P6 = await measureSize(world);
      log('P3 long conversation');
      await seedLongConversations(world);
      const P3 = await measureLongConversation(world);
      log('P4 streaming');
      const P4 = await measureStreaming(world);
      log('P5 big catalog');
      const P5 = await measureCatalog(world);
      log('P7 memory');
      const P7 = await measureMemory(world);
      const machine = await describeMachine(session.panel.page, loadAtStart);
      const report: BenchReport = BenchReportSchema.parse({
        machine,
        quick,
        durationS: Math.round((Date.now() - started) / 1000),
        figures: { P1, P2, P3, P4, P5, P6, P7 },
      });
      const json = JSON.stringify(report, null, 2);
      writeFileSync(process.env.PATCHBAY_BENCH_OUT ?? 'bench-results.json', `${json}\n`);
      process.stdout.write(`${json}\n`);
    } finally {
      await world.close();
    }
  } finally {
    await session.close();
  }
}

function onlyFigures(): Set<string> | null {
  const only = process.env.PATCHBAY_BENCH_ONLY;
  return only ? new Set(only.split(',').map((name) => name.trim().toUpperCase())) : null;
}

/** The chosen figures in the usual order; P3 and P7 need the long conversations seeded. */
async function measureOnly(world: Awaited<ReturnType<typeof setUpWorld>>, only: Set<string>): Promise<Record<string, unknown>> {
  const measures: [string, () => Promise<unknown>][] = [
    ['P1', () => measureToolRoundTrip(world)],
    ['P2', () => measureColdOpen(world)],
    ['P6', () => measureSize(world)],
    ['P3', () => measureLongConversation(world)],
    ['P4', () => measureStreaming(world)],
    ['P5', () => measureCatalog(world)],
    ['P7', () => measureMemory(world)],
  ];
  if (only.has('P3') || only.has('P7')) await seedLongConversations(world);
  // P1 connects the baseline's client to server-everything, which P5 lists beside its own servers.
  if (!only.has('P1')) await world.session.onBaseline('connect', 'everything', world.everything.url);
  const figures: Record<string, unknown> = {};
  for (const [name, measure] of measures) {
    if (!only.has(name)) continue;
    log(name);
    figures[name] = await measure();
  }
  return figures;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
