import { NO_TOOL_LABEL, summarizeCase } from '@/lib/contract/eval-summary';
import type { EvalRunRow } from '@/lib/contract/eval-run';
import { PassRate } from './PassRate';
import { choiceCounts } from './run-label';

/** True when the run showed the model a what-if text for this tool. */
function overridden(run: EvalRunRow, tool: string | null): boolean {
  return run.withOverrides && tool !== null && run.overrides.some((override) => override.toolName === tool);
}

/**
 * One row per case: prompt (with its problems and tokens), expected tool and what the model chose
 * (with counts), pass rate; with `compared`, the other run's pass rate beside it (before / after).
 */
export function ResultsTable({ run, compared }: { run: EvalRunRow; compared: EvalRunRow | null }) {
  const before = new Map((compared?.results ?? []).map((result) => [result.caseId, summarizeCase(result)]));
  return (
    <div className="eval-table-wrap">
      <table className="eval-table" aria-label="Eval results">
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">Expected · chosen</th>
            {compared && <th scope="col" className="num">Compared</th>}
            <th scope="col" className="num">Pass rate</th>
          </tr>
        </thead>
        <tbody>
          {run.results.map((result) => {
            const summary = summarizeCase(result);
            return (
              <tr key={result.caseId}>
                <td className="prompt">
                  <span className="eval-case-prompt">{result.prompt}</span>
                  {summary.problems.length > 0 && (
                    <ul className="eval-problems" aria-label="Problems">
                      {summary.problems.map((problem) => (
                        <li key={problem}>{problem}</li>
                      ))}
                    </ul>
                  )}
                  <span className="eval-tokens small muted">{summary.tokens.toLocaleString()} tokens</span>
                </td>
                <td>
                  <span className="mono">{result.expectedTool ?? NO_TOOL_LABEL}</span>
                  {overridden(run, result.expectedTool) && <> <span className="badge what-if">What-if</span></>}
                  <span className="eval-chosen small">
                    <span className="muted">chose </span>
                    <span className="mono">{choiceCounts(result.attempts).join(', ') || '–'}</span>
                  </span>
                </td>
                {compared && (
                  <td className="num">
                    <PassRate rate={before.get(result.caseId)?.passRate ?? null} />
                  </td>
                )}
                <td className="num">
                  <PassRate rate={summary.passRate} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
