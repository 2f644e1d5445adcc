import { useState } from 'react';
import { overallPassRate } from '@/lib/contract/eval-summary';
import type { EvalRunRow } from '@/lib/contract/eval-run';
import { ConfusionView } from './ConfusionView';
import { ResultsTable } from './ResultsTable';
import { runLabel } from './run-label';

/** Why a run ended, when it did not simply complete. */
function endNote(run: EvalRunRow): string | null {
  switch (run.status.type) {
    case 'running':
    case 'complete':
      return null;
    case 'stopped':
      return `Stopped: ${run.status.reason}`;
    case 'failed':
      return `Failed: ${run.status.reason}`;
  }
}

/** The newest run's table (or a picked one), with another run side by side, and its confusion view. */
export function RunResults({ runs }: { runs: readonly EvalRunRow[] }) {
  const [shownId, setShownId] = useState<string | null>(null);
  const [comparedId, setComparedId] = useState<string>('');
  const shown = runs.find((run) => run.id === shownId) ?? runs[0];
  if (!shown) return <p className="muted">No runs yet. Run evals to see which tool the model picks for each case.</p>;
  const compared = runs.find((run) => run.id === comparedId && run.id !== shown.id) ?? null;
  const note = endNote(shown);
  const rate = overallPassRate(shown);
  return (
    <section className="stack" aria-label="Results">
      <div className="row spread">
        <h3 className="section-title">Results</h3>
        <span className="row">
          {shown.withOverrides && <span className="badge what-if">What-if</span>}
          <span className="small muted">{rate === null ? '' : `${rate} % overall`}</span>
        </span>
      </div>
      {runs.length > 1 && (
        <div className="stack">
          <div className="field">
            <label htmlFor="eval-shown-run">Run</label>
            <select id="eval-shown-run" className="input" value={shown.id} onChange={(event) => setShownId(event.target.value)}>
              {runs.map((run) => (
                <option key={run.id} value={run.id}>
                  {runLabel(run)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="eval-compared-run">Compare with</label>
            <select id="eval-compared-run" className="input" value={compared?.id ?? ''} onChange={(event) => setComparedId(event.target.value)}>
              <option value="">(none)</option>
              {runs.filter((run) => run.id !== shown.id).map((run) => (
                <option key={run.id} value={run.id}>
                  {runLabel(run)}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      {note && <div className="notice" role="status">{note}</div>}
      <ResultsTable run={shown} compared={compared} />
      <p className="small muted">{runLabel(shown)}{compared ? ` — compared with ${runLabel(compared)}` : ''}</p>
      <ConfusionView run={shown} />
    </section>
  );
}
