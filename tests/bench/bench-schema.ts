import { z } from 'zod';

/**
 * What every figure carries: the measured value, the same measure of its baseline taken in the same
 * run, their ratio, how many runs the value summarises, the goal in words and whether it was met.
 * Figures add their own extras (p95, growth points…); the schema checks the ones a reader relies on
 * and lets the others through (`loose`), so a diagnostic extra never breaks the report.
 */
export const FigureBaseSchema = z.object({
  value: z.number().nonnegative(),
  unit: z.string().min(1),
  baseline: z.number().nonnegative(),
  /** `value / baseline`; null only when the baseline measured zero. */
  ratio: z.number().nonnegative().nullable(),
  runs: z.number().int().positive(),
  goal: z.string().min(1),
  met: z.boolean(),
});

/** One point of a growth curve: the amount of work and the figure's value there. */
const GrowthPointSchema = z.object({ size: z.number().int().nonnegative(), value: z.number().nonnegative() });

export const P1Schema = FigureBaseSchema.extend({
  p95: z.number().nonnegative(),
  baselineP95: z.number().nonnegative(),
  /** A bare `ping` command, panel to background and back: the messaging hop's share of the value. */
  pingMs: z.number().nonnegative(),
}).loose();
export const P2Schema = FigureBaseSchema.extend({
  /** Conversations stored (`size`) against the median open time; messages in `messages`. */
  points: z.array(GrowthPointSchema.extend({ messages: z.number().int().nonnegative(), composerMs: z.number().nonnegative() })).min(3),
  growth: z.number().nonnegative(),
  composerMs: z.number().nonnegative(),
}).loose();
export const P3Schema = FigureBaseSchema.extend({
  lastScreenMs: z.number().nonnegative(),
  lastScreenMsAtBaseline: z.number().nonnegative(),
  messages: z.number().int().positive(),
  baselineMessages: z.number().int().positive(),
}).loose();
export const P4Schema = FigureBaseSchema.extend({
  tokens: z.number().int().positive(),
  tokensPerSecond: z.number().nonnegative(),
  longTasks: z.number().int().nonnegative(),
  longestTaskMs: z.number().nonnegative(),
  blockedMs: z.number().nonnegative(),
  maxTextGapMs: z.number().nonnegative(),
  baselineLongestTaskMs: z.number().nonnegative(),
  baselineMaxTextGapMs: z.number().nonnegative(),
  /** The model server's own longest pause between writes: a stall there is not the page's. */
  serverMaxSendGapMs: z.number().nonnegative(),
}).loose();
export const P5Schema = FigureBaseSchema.extend({
  toolsPerConnector: z.number().int().positive(),
  /** Connectors (`size`) against the median refresh-and-render time. */
  points: z.array(GrowthPointSchema).min(3),
  baselinePoints: z.array(GrowthPointSchema).min(3),
}).loose();
export const P6Schema = FigureBaseSchema.extend({
  files: z.array(z.object({ file: z.string(), bytes: z.number().int().nonnegative(), gzipBytes: z.number().int().nonnegative() })).min(1),
  /** Requested by the time the conversation list was painted (P2's moment), prefetches included. */
  beforeListPaintedKB: z.number().nonnegative(),
  backgroundBytes: z.number().int().positive(),
  backgroundGzipBytes: z.number().int().positive(),
}).loose();
export const P7Schema = FigureBaseSchema.extend({
  idleMB: z.number().nonnegative(),
  panelMB: z.number().nonnegative(),
  panelBaselineMB: z.number().nonnegative(),
  panelRatio: z.number().nonnegative(),
  toolCalls: z.number().int().positive(),
  bigResultMB: z.number().positive(),
  sameWorker: z.boolean(),
}).loose();

/** The one JSON object `npm run bench` prints and writes to bench-results.json. */
export const BenchReportSchema = z.object({
  machine: z.object({
    cpu: z.string().min(1),
    cores: z.number().int().positive(),
    node: z.string().min(1),
    chromium: z.string().min(1),
    /** 1-minute load average at start and end: the machine may be shared. */
    load: z.array(z.number().nonnegative()).length(2),
  }),
  /** PATCHBAY_BENCH_QUICK=1 shrinks every count: the shape is real, the numbers are not comparable. */
  quick: z.boolean(),
  durationS: z.number().nonnegative(),
  figures: z.object({ P1: P1Schema, P2: P2Schema, P3: P3Schema, P4: P4Schema, P5: P5Schema, P6: P6Schema, P7: P7Schema }),
});
export type BenchReport = z.infer<typeof BenchReportSchema>;
export type Figures = BenchReport['figures'];
