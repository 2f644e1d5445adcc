import { useState, type FormEvent } from 'react';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { EvalCase } from '@/lib/contract/eval-suite';
import { sendCommand } from '@/lib/messaging/command-client';
import { SelectField, TextAreaField } from '../ui/Field';
import { useEvalCommand } from './useEvalCommand';

const NO_TOOL = '\u0000none';

interface CaseFormProps {
  suiteId: string;
  tools: readonly Tool[];
  /** Other connectors that can be put in play, by id and label. */
  others: readonly { id: string; label: string }[];
  editing: EvalCase | null;
  onDone(): void;
}

/** Adds or edits one case: prompt, expected tool (or none), expected arguments as JSON, other connectors in play. */
export function CaseForm({ suiteId, tools, others, editing, onDone }: CaseFormProps) {
  const [prompt, setPrompt] = useState(editing?.prompt ?? '');
  const [expected, setExpected] = useState(editing ? (editing.expectedTool ?? NO_TOOL) : (tools[0]?.name ?? NO_TOOL));
  const [argsText, setArgsText] = useState(editing?.expectedArgs ? JSON.stringify(editing.expectedArgs, null, 2) : '');
  const [inPlay, setInPlay] = useState<string[]>(editing?.otherConnectorIds ?? []);
  const [argsError, setArgsError] = useState<string | null>(null);
  const command = useEvalCommand();

  function submit(event: FormEvent) {
    event.preventDefault();
    const args = parseArgs(argsText);
    setArgsError(args.ok ? null : args.error);
    if (!args.ok) return;
    const draft = { ...(editing ? { id: editing.id } : {}), prompt, expectedTool: expected === NO_TOOL ? null : expected, ...(args.value ? { expectedArgs: args.value } : {}), otherConnectorIds: inPlay };
    void command.run(() => sendCommand('evals.saveCase', { suiteId, case: draft })).then((ok) => ok && onDone());
  }

  return (
    <form className="card stack" aria-label={editing ? 'Edit case' : 'New case'} onSubmit={submit}>
      <TextAreaField label="Prompt" value={prompt} required maxLength={4000} onChange={(event) => setPrompt(event.target.value)} />
      <SelectField label="Expected tool" value={expected} onChange={(event) => setExpected(event.target.value)} options={[...tools.map((tool) => ({ value: tool.name, label: tool.name })), { value: NO_TOOL, label: '(no tool)' }]} />
      <TextAreaField label="Expected arguments" hint="Optional JSON object; only these values are compared." value={argsText} error={argsError} onChange={(event) => setArgsText(event.target.value)} />
      {others.length > 0 && (
        <fieldset className="plain stack">
          <legend className="small muted">Other connectors in play</legend>
          {others.map((other) => (
            <label key={other.id} className="check">
              <input type="checkbox" checked={inPlay.includes(other.id)} onChange={(event) => setInPlay(event.target.checked ? [...inPlay, other.id] : inPlay.filter((id) => id !== other.id))} />
              {other.label}
            </label>
          ))}
        </fieldset>
      )}
      {command.error && <div className="notice" role="alert">{command.error}</div>}
      <div className="row">
        <button className="btn btn-primary" type="submit" disabled={command.busy || prompt.trim() === ''}>
          Save case
        </button>
        <button className="btn" type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function parseArgs(text: string): { ok: true; value: Record<string, unknown> | null } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: true, value: null };
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'Expected arguments must be a JSON object, e.g. {"city": "Lyon"}.' };
    return { ok: true, value: value as Record<string, unknown> };
  } catch {
    return { ok: false, error: 'This is not valid JSON.' };
  }
}
