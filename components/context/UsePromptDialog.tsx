import type { Prompt } from '@modelcontextprotocol/sdk/types.js';
import { useEffect, useRef, useState } from 'react';
import { sendCommand } from '@/lib/messaging/command-client';
import { errorText } from '../ui/error-text';
import { CompletionInput } from './CompletionInput';
import { insertRenderedPrompt } from './prompt-insert';

interface UsePromptDialogProps {
  connectorId: string;
  prompt: Prompt;
  onClose(): void;
  /** After Insert put the prompt in the composer (the Connectors screen then opens the chat). */
  onInserted?(): void;
}

/**
 * **Use <prompt>**: one field per argument (labelled by its name, required ones marked), each
 * completed by the server as the user types, and **Insert**, which renders the prompt
 * (`prompts/get`) into the composer. A missing required argument is named, and nothing is sent.
 */
export default function UsePromptDialog({ connectorId, prompt, onClose, onInserted }: UsePromptDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const args = prompt.arguments ?? [];
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(args.map((arg) => [arg.name, ''])));
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const complete = (name: string) => async (value: string) => {
    const context = Object.fromEntries(Object.entries(values).filter(([key, v]) => key !== name && v !== ''));
    const answer = await sendCommand('completion.complete', { connectorId, ref: { type: 'ref/prompt', name: prompt.name }, argument: { name, value }, context });
    return answer.values;
  };

  async function insert() {
    const missing = args.filter((arg) => arg.required && (values[arg.name] ?? '') === '').map((arg) => arg.name);
    if (missing.length > 0) return setFailure(`Fill in ${missing.join(', ')} first.`);
    setBusy(true);
    setFailure(null);
    try {
      const given = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));
      insertRenderedPrompt(await sendCommand('prompts.get', { connectorId, name: prompt.name, arguments: given }));
      dialog.current?.close();
      onInserted?.();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialog} className="run-dialog" aria-label={`Use ${prompt.name}`} onClose={onClose}>
      <form
        className="stack"
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          void insert();
        }}
      >
        <header className="row spread">
          <h2>
            Use <code>{prompt.name}</code>
          </h2>
          <button type="button" className="btn" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </header>
        {prompt.title && <p className="small">{prompt.title}</p>}
        {prompt.description && <p className="muted small">{prompt.description}</p>}
        {args.length === 0 && <p className="muted">This prompt takes no arguments.</p>}
        {args.map((arg) => (
          <CompletionInput
            key={arg.name}
            label={arg.name}
            required={arg.required === true}
            hint={arg.description}
            value={values[arg.name] ?? ''}
            onChange={(value) => setValues((current) => ({ ...current, [arg.name]: value }))}
            complete={complete(arg.name)}
          />
        ))}
        {failure && (
          <div className="notice" data-tone="error" role="alert">
            {failure}
          </div>
        )}
        <div className="row">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Inserting…' : 'Insert'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
