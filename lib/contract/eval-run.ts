import { z } from 'zod';
import { ToolOverrideRowSchema } from './tool-override';

/**
 * How one request of a case ended. `pass`: the expected tool (or none, when none was expected)
 * with matching arguments. The rest say what was wrong: another tool, none, a tool nobody offered
 * (the model made it up), arguments that are not a JSON object, values that differ from the
 * expected ones, or a request that failed (`error`, with the reason).
 */
export const AttemptOutcomeSchema = z.enum(['pass', 'wrong-tool', 'no-tool', 'unexpected-tool', 'unknown-tool', 'bad-arguments', 'argument-mismatch', 'error']);
export type AttemptOutcome = z.infer<typeof AttemptOutcomeSchema>;

/** One request of one case: what the model chose, and why it failed when it did. */
export const EvalAttemptSchema = z.object({
  outcome: AttemptOutcomeSchema,
  /** The MCP tool name the model chose (mapped back from its model name), its raw name when it invented one, or null. */
  chosen: z.string().max(300).nullable(),
  /** The expected argument paths that did not match, e.g. `city: expected "Lyon", got "Paris"`. */
  mismatches: z.array(z.string().max(500)).max(50).default([]),
  /** Why it failed, in words (`error`, `unknown-tool`, `bad-arguments`). */
  reason: z.string().max(1_000).optional(),
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
});
export type EvalAttempt = z.infer<typeof EvalAttemptSchema>;

/** A case as it was when run (the suite may be edited afterwards), with its attempts. */
export const EvalCaseResultSchema = z.object({
  caseId: z.string(),
  prompt: z.string(),
  expectedTool: z.string().nullable(),
  attempts: z.array(EvalAttemptSchema),
});
export type EvalCaseResult = z.infer<typeof EvalCaseResultSchema>;

/** A run's state: `running` until every attempt is in, or Stop, or a failure that ends it (with its reason). */
export const EvalRunStatusSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('running') }),
  z.object({ type: z.literal('complete') }),
  z.object({ type: z.literal('stopped'), reason: z.string() }),
  z.object({ type: z.literal('failed'), reason: z.string() }),
]);
export type EvalRunStatus = z.infer<typeof EvalRunStatusSchema>;

/**
 * One run of a suite, written by the background as attempts come in (the panel reads progress
 * from it). It keeps what makes two runs comparable: model, date, N, whether what-if overrides
 * were applied (and which), and the fingerprint of each tool definition the model was shown.
 */
export const EvalRunRowSchema = z.object({
  id: z.string(),
  suiteId: z.string(),
  connectorId: z.string(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  status: EvalRunStatusSchema,
  model: z.string(),
  api: z.string(),
  repetitions: z.number().int().positive(),
  withOverrides: z.boolean(),
  overrides: z.array(ToolOverrideRowSchema.pick({ toolName: true, field: true, text: true })),
  /** `<tool name>` (this connector) or `<connector label>/<tool>` to the SHA-256 of the definition as shown. */
  fingerprints: z.record(z.string(), z.string()),
  /** Requests planned in all (cases × N) and done so far: the progress bar. */
  planned: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  results: z.array(EvalCaseResultSchema),
});
export type EvalRunRow = z.infer<typeof EvalRunRowSchema>;
