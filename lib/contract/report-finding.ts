import { z } from 'zod';

/**
 * How much a finding matters, chosen on purpose: `error` means the model cannot use the tool as
 * the server means it (a schema that is not JSON Schema, a name nothing of which survives the model
 * API's rules); `warning` means tool selection or approval suffers (no description, no
 * annotations, an undescribed parameter); `info` is style that helps the model choose well.
 */
export const FindingSeveritySchema = z.enum(['error', 'warning', 'info']);
export type FindingSeverity = z.infer<typeof FindingSeveritySchema>;

/** Severities from the worst, the order the screen and the Markdown list them in. */
export const SEVERITIES: readonly FindingSeverity[] = ['error', 'warning', 'info'];

/** The word a person reads for a severity (and that every finding's text starts with). */
export function severityWord(severity: FindingSeverity): string {
  switch (severity) {
    case 'error':
      return 'Error';
    case 'warning':
      return 'Warning';
    case 'info':
      return 'Info';
  }
}

/**
 * Every check the report card runs, one id each: a closed list, so the screen, the export and the
 * tests name the same things, and a finding from anywhere else fails to parse.
 */
export const CheckIdSchema = z.enum([
  'name-not-verb-first',
  'name-generic',
  'name-outside-mcp-spec',
  'name-renamed-for-model',
  'name-not-mappable',
  'name-collision',
  'name-near-collision',
  'description-missing',
  'description-too-short',
  'description-no-when-to-use',
  'description-no-limits',
  'parameter-undescribed',
  'parameter-enum-missing',
  'required-not-declared',
  'annotations-missing',
  'read-only-hint-missing',
  'destructive-read',
  'read-only-write-name',
  'input-schema-invalid',
  'output-schema-invalid',
  'tool-schema-heavy',
  'connector-over-tool-limit',
]);
export type CheckId = z.infer<typeof CheckIdSchema>;

/** One thing a check found: where (a tool, or the connector as a whole), what, and how to fix it. */
export const FindingSchema = z.object({
  severity: FindingSeveritySchema,
  /** The tool's name as the server lists it; null for a finding about the whole connector. */
  tool: z.string().nullable(),
  check: CheckIdSchema,
  message: z.string(),
  /** A concrete change to make on the server, not advice in general. */
  fix: z.string(),
});
export type Finding = z.infer<typeof FindingSchema>;

/** What the report card's top line says: counts per severity and what the schemas cost. */
export const ReportSummarySchema = z.object({
  tools: z.number().int().nonnegative(),
  counts: z.object({ error: z.number().int().nonnegative(), warning: z.number().int().nonnegative(), info: z.number().int().nonnegative() }),
  /** The estimate of `estimateSchemaTokens` for every listed tool, sent with every request. */
  schemaTokens: z.number().int().nonnegative(),
  /** The same estimate for each tool, costliest first (a list: tool names are not safe as keys). */
  toolTokens: z.array(z.object({ tool: z.string(), tokens: z.number().int().nonnegative() })),
  /** The configured model's tool limit (tools per request) and the model it is for ('' when none is set). */
  toolLimit: z.number().int().positive(),
  model: z.string(),
  /** When the tool list the card judged was fetched (ms since the epoch), null when never. */
  toolsFetchedAt: z.number().nullable(),
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;

/** The report card of one connector, as the background computes it. */
export const ReportCardSchema = z.object({ findings: z.array(FindingSchema), summary: ReportSummarySchema });
export type ReportCard = z.infer<typeof ReportCardSchema>;
