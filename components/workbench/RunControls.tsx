import { useEffect, useState } from 'react';
import type { EvalSuiteRow } from '@/lib/contract/eval-suite';
import type { EvalRunRow } from '@/lib/contract/eval-run';
import { sendCommand } from '@/lib/messaging/command-client';
import { useEvalCommand } from './useEvalCommand';

interface RunControlsProps {
  suite: EvalSuiteRow;
  running: EvalRunRow | null;
  overrideCount: number;
}

/** N, whether to apply the what-if texts, Run evals (or Stop while a run goes on) and its progress. */
export function RunControls({ suite, running, overrideCount }: RunControlsProps) {
  const [repetitions, setRepetitions] = useState(String(suite.repetitions));
  const [withOverrides, setWithOverrides] = useState(false);
  const command = useEvalCommand();
  useEffect(() => setRepetitions(String(suite.repetitions)), [suite.id, suite.repetitions]);

  function saveRepetitions(text: string) {
    setRepetitions(text);
    const value = Number(text);
    if (Number.isInteger(value) && value >= 1 && value <= 20 && value !== suite.repetitions) void command.run(() => sendCommand('evals.setRepetitions', { suiteId: suite.id, repetitions: value }));
  }

  return (
    <div className="stack">
      <div className="eval-controls">
        <div className="field">
          <label htmlFor="eval-repetitions">Runs per case</label>
          <input id="eval-repetitions" className="input" type="number" min={1} max={20} value={repetitions} onChange={(event) => saveRepetitions(event.target.value)} />
        </div>
        <label className="check">
          <input type="checkbox" checked={withOverrides} disabled={overrideCount === 0} onChange={(event) => setWithOverrides(event.target.checked)} />
          With what-if overrides ({overrideCount})
        </label>
        {running ? (
          <button className="btn" type="button" onClick={() => void command.run(() => sendCommand('evals.stop', { runId: running.id }))}>
            Stop
          </button>
        ) : (
          <button className="btn btn-primary" type="button" disabled={command.busy || suite.cases.length === 0} onClick={() => void command.run(() => sendCommand('evals.run', { suiteId: suite.id, withOverrides: withOverrides && overrideCount > 0 }))}>
            Run evals
          </button>
        )}
      </div>
      {running && (
        <div className="stack">
          <progress aria-label="Eval progress" max={running.planned} value={running.done} />
          <span className="small muted" role="status">
            {running.done} of {running.planned} requests{running.withOverrides ? ' · with what-if overrides' : ''}
          </span>
        </div>
      )}
      {command.error && <div className="notice" role="alert">{command.error}</div>}
    </div>
  );
}
