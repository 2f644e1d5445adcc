import type { EvalAttempt, EvalCaseResult, EvalRunRow } from './eval-run';

/** The name shown for "no tool" wherever a tool name would be. */
export const NO_TOOL_LABEL = '(no tool)';

/** One row of the results table: a case's pass rate and what went wrong in its attempts. */
export interface CaseSummary {
  caseId: string;
  prompt: string;
  expectedTool: string | null;
  attempts: number;
  passed: number;
  /** Whole percent, or null before any attempt is in. */
  passRate: number | null;
  /** Tools (or "no tool") chosen in failed attempts, most frequent first, with counts. */
  wrongChoices: { chosen: string; count: number }[];
  /** Distinct argument mismatches and failure reasons, as said. */
  problems: string[];
  tokens: number;
}

/** Pass rate and failures of one case, from its attempts. Pure: the panel and tests share it. */
export function summarizeCase(result: EvalCaseResult): CaseSummary {
  const passed = result.attempts.filter((attempt) => attempt.outcome === 'pass').length;
  const failed = result.attempts.filter((attempt) => attempt.outcome !== 'pass');
  const wrong = countBy(failed.filter(choseOther).map((attempt) => attempt.chosen ?? NO_TOOL_LABEL));
  const problems = [...new Set(failed.flatMap((attempt) => [...attempt.mismatches, ...(attempt.reason ? [attempt.reason] : [])]))].slice(0, 10);
  return {
    caseId: result.caseId,
    prompt: result.prompt,
    expectedTool: result.expectedTool,
    attempts: result.attempts.length,
    passed,
    passRate: result.attempts.length === 0 ? null : Math.round((passed / result.attempts.length) * 100),
    wrongChoices: wrong,
    problems,
    tokens: result.attempts.reduce((sum, attempt) => sum + attempt.inputTokens + attempt.outputTokens, 0),
  };
}

/** A failure that chose something else than expected (not one with the right tool and wrong arguments). */
function choseOther(attempt: EvalAttempt): boolean {
  switch (attempt.outcome) {
    case 'wrong-tool':
    case 'no-tool':
    case 'unexpected-tool':
    case 'unknown-tool':
      return true;
    case 'pass':
    case 'bad-arguments':
    case 'argument-mismatch':
    case 'error':
      return false;
  }
}

/** One cell of the confusion view: how often `expected` was answered with `chosen`. */
export interface ConfusionCell {
  expected: string;
  chosen: string;
  count: number;
}

/**
 * Expected × chosen counts over every attempt of a run (failed requests left out: they chose
 * nothing). The diagonal is the right choices; the rest shows which tool is mistaken for which.
 */
export function confusionOf(run: Pick<EvalRunRow, 'results'>): ConfusionCell[] {
  const cells = new Map<string, ConfusionCell>();
  for (const result of run.results) {
    const expected = result.expectedTool ?? NO_TOOL_LABEL;
    for (const attempt of result.attempts) {
      if (attempt.outcome === 'error') continue;
      const chosen = attempt.chosen ?? NO_TOOL_LABEL;
      const key = JSON.stringify([expected, chosen]);
      const cell = cells.get(key) ?? { expected, chosen, count: 0 };
      cell.count += 1;
      cells.set(key, cell);
    }
  }
  return [...cells.values()].sort((a, b) => a.expected.localeCompare(b.expected) || b.count - a.count);
}

/** Passed over all attempts of a run, whole percent; null before any attempt. */
export function overallPassRate(run: Pick<EvalRunRow, 'results'>): number | null {
  const attempts = run.results.flatMap((result) => result.attempts);
  if (attempts.length === 0) return null;
  return Math.round((attempts.filter((attempt) => attempt.outcome === 'pass').length / attempts.length) * 100);
}

function countBy(values: string[]): { chosen: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([chosen, count]) => ({ chosen, count })).sort((a, b) => b.count - a.count);
}
