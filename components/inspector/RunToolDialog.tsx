import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import { argumentsFrom, fieldsOf } from '@/lib/contract/schema-form';
import { sendCommand } from '@/lib/messaging/command-client';
import { ParameterInput } from './ParameterInput';
import { ToolResultView } from './ToolResultView';
import { useToolRun, type ToolRunState } from './useToolRun';
import { HandRunRequests } from '../requests/HandRunRequests';

interface RunToolDialogProps {
  connectorId: string;
  tool: Tool;
  onClose(): void;
}

/**
 * Runs a tool by hand: a field per parameter (labelled by its name), Run, Stop while it runs,
 * progress as the server reports it, and the result. Run again replays with the same inputs.
 */
export default function RunToolDialog({ connectorId, tool, onClose }: RunToolDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const fields = useMemo(() => fieldsOf(tool.inputSchema), [tool]);
  const [values, setValues] = useState(() => Object.fromEntries(fields.map((f) => [f.name, f.initial])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { state, run, stop } = useToolRun(connectorId, tool.name);
  // The last run's id outlives its failure, so its server requests stay shown (expired, lost).
  const [lastCallId, setLastCallId] = useState<string | null>(null);
  const callId = 'callId' in state ? state.callId : null;
  useEffect(() => void (callId && setLastCallId(callId)), [callId]);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  function submit() {
    const parsed = argumentsFrom(fields, values);
    setErrors(parsed.errors);
    if (Object.keys(parsed.errors).length === 0) void run(parsed.args);
  }

  return (
    <dialog ref={dialog} className="run-dialog" aria-label={`Run ${tool.name}`} onClose={onClose}>
      <form
        className="stack"
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <header className="row spread">
          <h2>
            Run <code>{tool.name}</code>
          </h2>
          <button type="button" className="btn" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </header>
        {tool.description && <p className="muted small">{tool.description}</p>}
        {fields.length === 0 && <p className="muted">This tool takes no parameters.</p>}
        {fields.map((field) => (
          <ParameterInput key={field.name} field={field} value={values[field.name] ?? ''} error={errors[field.name]} onChange={(v) => setValues({ ...values, [field.name]: v })} />
        ))}
        <div className="row">
          {state.phase === 'running' ? (
            <button type="button" className="btn" onClick={stop}>
              Stop
            </button>
          ) : (
            <button type="submit" className="btn btn-primary">
              {state.phase === 'idle' ? 'Run' : 'Run again'}
            </button>
          )}
        </div>
      </form>
      <HandRunRequests connectorId={connectorId} callId={callId ?? lastCallId} />
      <section className="run-result" aria-label="Result" aria-live="polite">
        <RunOutcome state={state} toolName={tool.name} />
      </section>
    </dialog>
  );
}

const FAILURE_TITLE = { error: 'Failed', cancelled: 'Stopped', interrupted: 'Interrupted' } as const;

function RunOutcome({ state, toolName }: { state: ToolRunState; toolName: string }) {
  switch (state.phase) {
    case 'idle':
      return <p className="muted small">The result appears here.</p>;
    case 'running':
      return (
        <div className="stack">
          <progress value={state.progress?.progress} max={state.progress?.total} aria-label="Progress" />
          <p className="muted small">{state.progress ? `Progress ${state.progress.progress}${state.progress.total ? ` of ${state.progress.total}` : ''}${state.progress.message ? ` · ${state.progress.message}` : ''}` : 'Running…'}</p>
        </div>
      );
    case 'done':
      return (
        <ToolResultView
          result={state.outcome.result}
          totalBytes={state.outcome.totalBytes}
          truncated={state.outcome.truncated}
          full={{ fileName: `${toolName}-result.json`, json: async () => (await sendCommand('connectors.fullResult', { callId: state.callId })).json }}
        />
      );
    case 'failed':
      return (
        <div className="notice" data-tone={state.reason === 'error' ? 'error' : 'warn'} role="alert">
          <strong>{FAILURE_TITLE[state.reason]}</strong>
          <span className="pre-line">{state.message}</span>
        </div>
      );
  }
}
