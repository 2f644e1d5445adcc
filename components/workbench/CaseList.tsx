import { NO_TOOL_LABEL } from '@/lib/contract/eval-summary';
import type { EvalSuiteRow } from '@/lib/contract/eval-suite';
import { sendCommand } from '@/lib/messaging/command-client';
import { useEvalCommand } from './useEvalCommand';

/** The suite's cases, each with Edit and Delete. */
export function CaseList({ suite, onEdit }: { suite: EvalSuiteRow; onEdit(caseId: string): void }) {
  const command = useEvalCommand();
  if (suite.cases.length === 0) return <p className="muted">No cases yet: add one, or start from Starter cases.</p>;
  return (
    <>
      <ul className="eval-cases" aria-label="Cases">
        {suite.cases.map((item) => (
          <li key={item.id} className="eval-case" aria-label={item.prompt}>
            <span className="eval-case-prompt">{item.prompt}</span>
            <div className="row spread">
              <span className="small muted">
                expects <span className="mono">{item.expectedTool ?? NO_TOOL_LABEL}</span>
                {item.expectedArgs ? <span className="mono"> {JSON.stringify(item.expectedArgs)}</span> : null}
                {item.otherConnectorIds.length > 0 ? ` · +${item.otherConnectorIds.length} connector${item.otherConnectorIds.length > 1 ? 's' : ''}` : ''}
              </span>
              <span className="row actions">
                <button className="btn btn-small" type="button" onClick={() => onEdit(item.id)}>
                  Edit
                </button>
                <button className="btn btn-small btn-danger" type="button" disabled={command.busy} onClick={() => void command.run(() => sendCommand('evals.deleteCase', { suiteId: suite.id, caseId: item.id }))}>
                  Delete
                </button>
              </span>
            </div>
          </li>
        ))}
      </ul>
      {command.error && <div className="notice" role="alert">{command.error}</div>}
    </>
  );
}
