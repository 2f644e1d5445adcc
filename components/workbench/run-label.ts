import { overallPassRate } from '@/lib/contract/eval-summary';
import type { EvalRunRow } from '@/lib/contract/eval-run';

/** A run named for a picker: when, which model, N, with or without the what-if texts, and its overall rate. */
export function runLabel(run: EvalRunRow): string {
  const when = new Date(run.startedAt).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const rate = overallPassRate(run);
  return [when, run.model || 'model', `N=${run.repetitions}`, run.withOverrides ? 'with what-if' : 'without what-if', rate === null ? '' : `${rate} %`].filter(Boolean).join(' · ');
}

/** The choices of a case's answered attempts with counts, most frequent first: "echo ×3". */
export function choiceCounts(attempts: EvalRunRow['results'][number]['attempts']): string[] {
  const counts = new Map<string, number>();
  for (const attempt of attempts) {
    if (attempt.outcome === 'error') continue;
    const name = attempt.chosen ?? '(no tool)';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([name, count]) => `${name} ×${count}`);
}
