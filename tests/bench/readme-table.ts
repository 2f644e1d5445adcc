/**
 * Prints the README's Performance table from a bench report:
 * `npx tsx tests/bench/readme-table.ts [bench-results.json]`.
 */
import { readFileSync } from 'node:fs';
import { BenchReportSchema, type Figures } from './bench-schema';

const NAMES: Record<keyof Figures, string> = {
  P1: 'P1 tool round trip (median)',
  P2: 'P2 cold open to interactive',
  P3: 'P3 5,000-message conversation (DOM)',
  P4: 'P4 streaming 20,000 tokens at 1,000/s',
  P5: 'P5 refresh + render 20 × 100 tools',
  P6: 'P6 panel JS before interactive',
  P7: 'P7 background heap, second round',
};

/** The extras a reader needs beside each figure's value. */
function notes(f: Figures): Record<keyof Figures, string> {
  return {
    P1: `p95 ${f.P1.p95} ms (bare ${f.P1.baselineP95} ms); a bare \`ping\` command ${f.P1.pingMs} ms`,
    P2: `${f.P2.points.map((p) => `${p.size.toLocaleString('en')} conv. ${p.value} ms`).join(', ')}: growth ${f.P2.growth}×; Message box alone ${f.P2.composerMs} ms`,
    P3: `last screen painted ${f.P3.lastScreenMs} ms (${f.P3.lastScreenMsAtBaseline} ms at ${f.P3.baselineMessages}); baseline is the DOM at ${f.P3.baselineMessages} messages`,
    P4: `${f.P4.longTasks} long tasks, longest ${f.P4.longestTaskMs} ms, ${f.P4.blockedMs} ms blocked; longest pause in the text ${f.P4.maxTextGapMs} ms (bare page ${f.P4.baselineMaxTextGapMs} ms)`,
    P5: `${f.P5.points.map((p) => `${p.size}: ${p.value} ms`).join(', ')} (bare SDK ${f.P5.baselinePoints.map((p) => `${p.size}: ${p.value} ms`).join(', ')})`,
    P6: `by the list painted ${f.P6.beforeListPaintedKB} KB; background bundle ${Math.round(f.P6.backgroundBytes / 1024)} KB (${Math.round(f.P6.backgroundGzipBytes / 1024)} KB gzip); baseline is an empty React page`,
    P7: `idle ${f.P7.idleMB} MB; panel with 5,000 messages ${f.P7.panelBaselineMB} → ${f.P7.panelMB} MB (${f.P7.panelRatio}×)`,
  };
}

const report = BenchReportSchema.parse(JSON.parse(readFileSync(process.argv[2] ?? 'bench-results.json', 'utf8')));
const rows = notes(report.figures);
const lines = [
  '| Figure | Goal | Value | Baseline | Ratio | Met | Notes |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...(Object.keys(NAMES) as (keyof Figures)[]).map((key) => {
    const f = report.figures[key];
    return `| ${NAMES[key]} | ${f.goal} | ${f.value} ${f.unit} | ${f.baseline} | ${f.ratio ?? '–'} | ${f.met ? 'yes' : '**no**'} | ${rows[key]} |`;
  }),
];
const m = report.machine;
process.stdout.write(`${lines.join('\n')}\n\nMachine: ${m.cpu}, ${m.cores} cores, Node ${m.node}, ${m.chromium} headless; load average ${m.load[0]} → ${m.load[1]}; ${report.durationS} s.\n`);
