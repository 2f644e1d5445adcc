import { z } from 'zod';

/** Most cases one suite holds: a run sends cases × repetitions requests, so keep it bounded. */
export const MAX_EVAL_CASES = 100;
/** Most characters of one prompt: a case is one user message, not a document. */
export const MAX_PROMPT_CHARS = 4_000;
/** How many times each case is sent by default (the N). */
export const DEFAULT_REPETITIONS = 5;
/** Bounds of N: at least one request per case, at most twenty (each one costs tokens). */
export const RepetitionsSchema = z.number().int().min(1).max(20);

/** A JSON object of expected argument values, compared as a subset of what the model sent. */
export const ExpectedArgsSchema = z.record(z.string(), z.unknown());
export type ExpectedArgs = z.infer<typeof ExpectedArgsSchema>;

/**
 * One eval case: a user prompt and the tool of the suite's connector the model should pick for it,
 * or `null` when the right answer is no tool at all. `expectedArgs` lists only the values that
 * matter (subset match); `otherConnectorIds` are connectors whose tools are offered too, to see
 * whether the model keeps to this one (the suite's own connector is always in play).
 */
export const EvalCaseSchema = z.object({
  id: z.string().min(1).max(100),
  prompt: z.string().trim().min(1, 'A case needs a prompt.').max(MAX_PROMPT_CHARS),
  expectedTool: z.string().min(1).max(256).nullable(),
  expectedArgs: ExpectedArgsSchema.optional(),
  otherConnectorIds: z.array(z.string().min(1).max(100)).max(20).default([]),
});
export type EvalCase = z.infer<typeof EvalCaseSchema>;

/** A stored suite: the cases one connector's author checks tool selection with. */
export const EvalSuiteRowSchema = z.object({
  id: z.string().min(1),
  connectorId: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  cases: z.array(EvalCaseSchema).max(MAX_EVAL_CASES),
  repetitions: RepetitionsSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type EvalSuiteRow = z.infer<typeof EvalSuiteRowSchema>;

/** A case as the panel sends it to be saved: without an id it is a new case. */
export const EvalCaseDraftSchema = EvalCaseSchema.extend({ id: z.string().min(1).max(100).optional() });
export type EvalCaseDraft = z.input<typeof EvalCaseDraftSchema>;

/** Bigger than any real suite file (100 cases of 4,000 characters), small enough to parse at once. */
export const MAX_SUITE_FILE_BYTES = 1_000_000;

/** The file format of an exported suite (version 1); see `lib/evals/suite-file.ts`. */
export const EVAL_SUITE_FILE_FORMAT = 'patchbay-eval-suite';
