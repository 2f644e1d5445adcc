import { useId } from 'react';
import type { SamplingToolUse } from '@/lib/contract/sampling-draft';
import { riskText } from './sampling-card-text';

interface SamplingToolUseViewProps {
  use: SamplingToolUse;
  /** The input as JSON text while the person may still edit it; null once sent (then read-only). */
  text: string | null;
  onText(text: string): void;
  /** Why the text cannot be sent as it is (not JSON, not an object). */
  error: string | null;
}

/**
 * A tool the model wants the server to run, on the card before anything is sent: which tool, with
 * what input (editable), and whether the server marks it a write action, as the chat's cards do.
 */
export function SamplingToolUseView({ use, text, onText, error }: SamplingToolUseViewProps) {
  const inputId = useId();
  return (
    <section className="sampling-tool-use" data-risk={use.risk} aria-label={`Tool use ${use.name}`}>
      <div className="row">
        <strong className="tool-card-name">{use.name}</strong>
        <span className="badge" data-tone={use.risk === 'read-only' ? 'ok' : use.risk === 'destructive' ? 'danger' : 'warn'}>
          {riskText(use.risk)}
        </span>
      </div>
      <p className="small muted">The model asks the server to run this tool. Sending the answer lets the server run it with this input.</p>
      {use.description && <p className="tool-description-text">{use.description}</p>}
      <div className="field">
        <label htmlFor={inputId}>Input for {use.name}</label>
        <textarea
          id={inputId}
          className="input mono"
          spellCheck={false}
          rows={Math.min(10, (text ?? '').split('\n').length + 1)}
          value={text ?? JSON.stringify(use.input, null, 2)}
          readOnly={text === null}
          aria-invalid={error || use.problems.length > 0 ? true : undefined}
          onChange={(event) => onText(event.target.value)}
        />
        {error && (
          <span className="error" role="alert">
            {error}
          </span>
        )}
        {use.problems.map((problem) => (
          <span key={problem} className="error">
            {problem}
          </span>
        ))}
      </div>
    </section>
  );
}
