import { z } from 'zod';
import { EvalCaseDraftSchema, RepetitionsSchema } from '../contract/eval-suite';
import { OverrideFieldSchema } from '../contract/tool-override';

const SuiteIdSchema = z.object({ suiteId: z.string().min(1) });
const FileSchema = z.object({ fileName: z.string(), text: z.string(), mimeType: z.string() });

/**
 * Commands of the Evals screen: suites and their cases, runs (progress and results are read from
 * the `evalRuns` rows the background writes), and what-if overrides. Every id and name the panel
 * sends is checked against stored rows by the handlers (`lib/background/eval-command-handlers.ts`).
 */
export const evalCommandProtocol = {
  /** A new suite for the connector, empty or with starter cases made from its tools. */
  'evals.createSuite': { request: z.object({ connectorId: z.string().min(1), starter: z.boolean() }), response: SuiteIdSchema },
  'evals.deleteSuite': { request: SuiteIdSchema, response: z.object({}) },
  /** Adds a case (no id) or replaces the one with its id; the expected tool must be one of the connector's. */
  'evals.saveCase': { request: SuiteIdSchema.extend({ case: EvalCaseDraftSchema }), response: z.object({ caseId: z.string() }) },
  'evals.deleteCase': { request: SuiteIdSchema.extend({ caseId: z.string() }), response: z.object({}) },
  'evals.setRepetitions': { request: SuiteIdSchema.extend({ repetitions: RepetitionsSchema }), response: z.object({}) },
  /** A suite file becomes a new suite of the connector; a bad file changes nothing and says why. */
  'evals.importSuite': {
    request: z.object({ connectorId: z.string().min(1), text: z.string() }),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), suiteId: z.string(), cases: z.number().int(), unknownConnectors: z.array(z.string()) }),
      z.object({ ok: z.literal(false), error: z.string() }),
    ]),
  },
  'evals.exportSuite': { request: SuiteIdSchema, response: FileSchema },
  /** Starts a run in the background and answers at once; `withOverrides` applies the what-if texts. */
  'evals.run': { request: SuiteIdSchema.extend({ withOverrides: z.boolean() }), response: z.object({ runId: z.string() }) },
  'evals.stop': { request: z.object({ runId: z.string() }), response: z.object({ stopped: z.boolean() }) },
  /** Writes (or replaces) the what-if text of one field of one of the connector's tools. */
  'overrides.save': {
    request: z.object({ connectorId: z.string().min(1), toolName: z.string().min(1), field: OverrideFieldSchema, text: z.string() }),
    response: z.object({}),
  },
  /** Turns the what-if texts on or off for one conversation's model tool list (the server is never told). */
  'overrides.setForConversation': { request: z.object({ conversationId: z.string().min(1), on: z.boolean() }), response: z.object({}) },
  'overrides.remove': { request: z.object({ id: z.string() }), response: z.object({}) },
  /** The connector's overrides as a patch for the server's author. */
  'overrides.exportPatch': { request: z.object({ connectorId: z.string().min(1), format: z.enum(['markdown', 'json']) }), response: FileSchema },
};
