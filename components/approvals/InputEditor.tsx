import { useId, useState } from 'react';
import { JsonBlock } from '../ui/JsonBlock';
import { parseEditedInput, prettyInput } from './approval-text';
import { CallInput } from './CallInput';

interface InputEditorProps {
  args?: Record<string, unknown>;
  argsText: string;
  /** The user's saved edit, if any: it is what Approve sends. */
  edited: Record<string, unknown> | undefined;
  /** False once decided: the input is history then. */
  editable: boolean;
  onEdited(args: Record<string, unknown> | undefined): void;
}

/**
 * The call's input, and Edit: a JSON text box checked as the user saves it. The tool's schema is
 * checked by the background when the edit is approved; its refusal shows on the card.
 */
export function InputEditor({ args, argsText, edited, editable, onEdited }: InputEditorProps) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const areaId = useId();

  if (text !== null) {
    const save = () => {
      const parsed = parseEditedInput(text);
      if (!parsed.ok) return setError(parsed.error);
      onEdited(parsed.args);
      setText(null);
      setError(null);
    };
    return (
      <div className="field input-editor">
        <label htmlFor={areaId}>Input JSON</label>
        <textarea
          id={areaId}
          className="input mono"
          spellCheck={false}
          rows={Math.min(14, text.split('\n').length + 1)}
          value={text}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setText(event.target.value)}
        />
        {error && (
          <span className="error" role="alert">
            {error}
          </span>
        )}
        <div className="row">
          <button className="btn btn-small" type="button" onClick={save}>
            Save edit
          </button>
          <button className="btn btn-small" type="button" onClick={() => (setText(null), setError(null))}>
            Cancel
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="input-view">
      {edited ? (
        <>
          <JsonBlock label="Input (edited)" value={edited} />
          <details className="small">
            <summary>The model’s input</summary>
            <CallInput args={args} argsText={argsText} />
          </details>
        </>
      ) : (
        <CallInput args={args} argsText={argsText} />
      )}
      {editable && (
        <div className="row">
          <button className="btn btn-small" type="button" onClick={() => setText(prettyInput(edited ?? args, argsText))}>
            Edit
          </button>
          {edited && (
            <>
              <span className="badge" data-tone="warn">
                Edited
              </span>
              <button className="btn btn-link btn-small" type="button" onClick={() => onEdited(undefined)}>
                Undo edit
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
