import { z } from 'zod';
import { EVAL_SUITE_FILE_FORMAT, ExpectedArgsSchema, MAX_EVAL_CASES, MAX_SUITE_FILE_BYTES, MAX_PROMPT_CHARS, RepetitionsSchema, type EvalCase, type EvalSuiteRow } from '../contract/eval-suite';

/**
 * A suite as a file: no ids (the importing Patchbay makes its own), connectors in play named by
 * their label (ids mean nothing in another browser). Unknown keys are dropped.
 */
export const EvalSuiteFileSchema = z.object({
  format: z.literal(EVAL_SUITE_FILE_FORMAT),
  version: z.literal(1),
  name: z.string().trim().min(1).max(200),
  repetitions: RepetitionsSchema.optional(),
  cases: z
    .array(
      z.object({
        prompt: z.string().trim().min(1).max(MAX_PROMPT_CHARS),
        expectedTool: z.string().min(1).max(256).nullable(),
        expectedArgs: ExpectedArgsSchema.optional(),
        connectors: z.array(z.string().min(1).max(200)).max(20).optional(),
      }),
    )
    .max(MAX_EVAL_CASES),
});
export type EvalSuiteFile = z.infer<typeof EvalSuiteFileSchema>;

/** A suite file that cannot be imported; the message says why, and nothing was changed. */
export class EvalSuiteImportError extends Error {
  override readonly name = 'EvalSuiteImportError';
  readonly code = 'invalid-import';
}

/** The suite as a file, with other connectors named by label (unknown ids are left out). */
export function suiteToFile(suite: EvalSuiteRow, labelOf: (connectorId: string) => string | undefined): EvalSuiteFile {
  return {
    format: EVAL_SUITE_FILE_FORMAT,
    version: 1,
    name: suite.name,
    repetitions: suite.repetitions,
    cases: suite.cases.map((item) => {
      const connectors = item.otherConnectorIds.map(labelOf).filter((label) => label !== undefined);
      return { prompt: item.prompt, expectedTool: item.expectedTool, ...(item.expectedArgs ? { expectedArgs: item.expectedArgs } : {}), ...(connectors.length > 0 ? { connectors } : {}) };
    }),
  };
}

/** What an import gives: the suite's parts with fresh ids, and what could not be carried over. */
export interface ImportedSuite {
  name: string;
  repetitions: number | undefined;
  cases: EvalCase[];
  /** Connector labels in the file that no connector here has: those cases keep only this connector. */
  unknownConnectors: string[];
}

/**
 * Parses a suite file's text. Throws `EvalSuiteImportError` saying what is wrong (too big, not
 * JSON, not a suite, which field); ids are always new, connectors are matched by label.
 */
export function parseSuiteFile(text: string, idOfLabel: (label: string) => string | undefined, newId: () => string): ImportedSuite {
  if (new TextEncoder().encode(text).length > MAX_SUITE_FILE_BYTES) throw new EvalSuiteImportError('The file is larger than 1 MB: it is not a Patchbay eval suite.');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new EvalSuiteImportError('The file is not JSON.');
  }
  if ((json as { format?: unknown } | null)?.format !== EVAL_SUITE_FILE_FORMAT) throw new EvalSuiteImportError('The file is not a Patchbay eval suite (its "format" is not "patchbay-eval-suite").');
  const parsed = EvalSuiteFileSchema.safeParse(json);
  if (!parsed.success) throw new EvalSuiteImportError(`The suite file is not valid: ${firstIssue(parsed.error)}`);
  const unknown = new Set<string>();
  const cases = parsed.data.cases.map((item): EvalCase => {
    const ids = (item.connectors ?? []).map((label) => idOfLabel(label) ?? (unknown.add(label), undefined)).filter((id) => id !== undefined);
    return { id: newId(), prompt: item.prompt, expectedTool: item.expectedTool, ...(item.expectedArgs ? { expectedArgs: item.expectedArgs } : {}), otherConnectorIds: [...new Set(ids)] };
  });
  return { name: parsed.data.name, repetitions: parsed.data.repetitions, cases, unknownConnectors: [...unknown] };
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unknown problem';
  const path = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the file';
  return `${path}: ${issue.message}`;
}
