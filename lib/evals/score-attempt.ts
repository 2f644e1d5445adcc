import type { EvalAttempt } from '../contract/eval-run';
import type { ExpectedArgs } from '../contract/eval-suite';
import { subsetMismatches } from './subset-match';

/** What the model did in one answer: its first tool call (as the run engine would read it) or none. */
export type ModelChoice =
  | { type: 'none' }
  | { type: 'call'; modelName: string; argsText: string; tool: { connectorId: string; toolName: string } | null };

/** What a case expects: a tool of `connectorId` (or none), and optionally some argument values. */
export interface Expectation {
  connectorId: string;
  toolName: string | null;
  args?: ExpectedArgs;
}

type Scored = Omit<EvalAttempt, 'inputTokens' | 'outputTokens'>;

/**
 * Scores one answer. The model is hostile: a name nobody offered, or arguments that are not a JSON
 * object, is a failure with its reason, never an exception. A tool of another connector in play is
 * named `<connector id>/<tool>` only when it is not the suite's own connector.
 */
export function scoreChoice(expected: Expectation, choice: ModelChoice): Scored {
  if (choice.type === 'none') {
    return expected.toolName === null ? { outcome: 'pass', chosen: null, mismatches: [] } : { outcome: 'no-tool', chosen: null, mismatches: [] };
  }
  if (choice.tool === null) {
    return { outcome: 'unknown-tool', chosen: choice.modelName.slice(0, 300), mismatches: [], reason: 'The model called a tool it was not offered.' };
  }
  const chosen = choice.tool.connectorId === expected.connectorId ? choice.tool.toolName : `${choice.tool.connectorId}/${choice.tool.toolName}`;
  if (expected.toolName === null) return { outcome: 'unexpected-tool', chosen, mismatches: [] };
  if (chosen !== expected.toolName) return { outcome: 'wrong-tool', chosen, mismatches: [] };
  const args = parseArgs(choice.argsText);
  if (!args.ok) return { outcome: 'bad-arguments', chosen, mismatches: [], reason: args.reason };
  const mismatches = expected.args ? subsetMismatches(expected.args, args.value).slice(0, 50).map((line) => line.slice(0, 500)) : [];
  return mismatches.length > 0 ? { outcome: 'argument-mismatch', chosen, mismatches } : { outcome: 'pass', chosen, mismatches: [] };
}

function parseArgs(text: string): { ok: true; value: Record<string, unknown> } | { ok: false; reason: string } {
  let value: unknown;
  try {
    // An empty string is what some models send for a tool without parameters.
    value = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `The arguments are not JSON: ${error instanceof Error ? error.message : String(error)}`.slice(0, 1_000) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'The arguments are not a JSON object.' };
  return { ok: true, value: value as Record<string, unknown> };
}
