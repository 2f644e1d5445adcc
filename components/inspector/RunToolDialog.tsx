import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { argumentsFrom, fieldsOf } from '@/lib/contract/schema-form';
import { valuesFrom } from '@/lib/contract/schema-form-values';
import { sendCommand } from '@/lib/messaging/command-client';
import { ToolApp } from '../apps/ToolApp';
import { ParameterInput } from './ParameterInput';
import { ToolResultView } from './ToolResultView';
import { useToolRun, type ReplaySource, type ToolRunState } from './useToolRun';
import { HandRunRequests } from '../requests/HandRunRequests';
import { ReplayApproval } from './ReplayApproval';
import { SavedCalls } from './SavedCalls';
import { useReplayGate } from './useReplayGate';
import './saved-calls.css';

interface RunToolDialogProps {
  connectorId: string;
  tool: Tool;
  onClose(): void;
  /** The input to start from (a replayed call, a saved call); else the schema's defaults. */
  initialArgs?: Record<string, unknown>;
  /** Set when the dialog replays a chat call: the chat's approval rule applies to what it sends. */
  replayOf?: ReplaySource;
  /** Shown above the fields: what changed in the tool since the replayed call. */
  notice?: ReactNode;
}

/**
 * Runs a tool by hand: a field per parameter (labelled by its name), Run, Stop while it runs,
 * progress as the server reports it, and the result. Run again replays with the same inputs.
 */
export default function RunToolDialog({ connectorId, tool, onClose, initialArgs, replayOf, notice }: RunToolDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const fields = useMemo(() => fieldsOf(tool.inputSchema), [tool]);
  const [values, setValues] = useState(() => (initialArgs ? valuesFrom(fields, initialArgs) : Object.fromEntries(fields.map((f) => [f.name, f.initial]))));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { state, run, stop } = useToolRun(connectorId, tool.name, replayOf);
  const { gate, send, decide } = useReplayGate(connectorId, tool.name, replayOf, run);
  // The last run's id outlives its failure, so its server requests stay shown (expired, lost).
  const [lastCallId, setLastCallId] = useState<string | null>(null);
  const callId = 'callId' in state ? state.callId : null;
  useEffect(() => void (callId && setLastCallId(callId)), [callId]);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  /** The form's input as it would be sent, or null (with each bad field named) when it cannot be. */
  function checkedArgs(): Record<string, unknown> | null {
    const parsed = argumentsFrom(fields, values);
    setErrors(parsed.errors);
    return Object.keys(parsed.errors).length === 0 ? parsed.args : null;
  }

  // What the last run sent, so its result's Replay puts exactly that back in the form.
  const [sentArgs, setSentArgs] = useState<Record<string, unknown> | null>(null);

  function submit() {
    const args = checkedArgs();
    if (args === null) return;
    setSentArgs(args);
    void send(args);
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
        {notice}
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
            <button type="submit" className="btn btn-primary" disabled={gate.step === 'asking'}>
              {state.phase === 'idle' ? 'Run' : 'Run again'}
            </button>
          )}
        </div>
      </form>
      {gate.step === 'asking' && <ReplayApproval toolName={tool.name} pending={gate.pending} onDecide={decide} />}
      {gate.step === 'denied' && <p className="notice" data-tone="warn" role="status">Denied: nothing was sent to the server.</p>}
      {gate.step === 'failed' && <p className="notice" data-tone="error" role="alert">{gate.message}</p>}
      <SavedCalls connectorId={connectorId} toolName={tool.name} currentArgs={checkedArgs} onLoad={(args) => (setErrors({}), setValues(valuesFrom(fields, args)))} />
      <HandRunRequests connectorId={connectorId} callId={callId ?? lastCallId} />
      <section className="run-result" aria-label="Result" aria-live="polite">
        <RunOutcome state={state} toolName={tool.name} connectorId={connectorId} />
        {state.phase === 'done' && sentArgs && (
          <button type="button" className="btn btn-small run-replay" onClick={() => (setErrors({}), setValues(valuesFrom(fields, sentArgs)))}>
            Replay
          </button>
        )}
        {state.phase === 'done' && <ToolApp connectorId={connectorId} toolName={tool.name} args={argumentsFrom(fields, values).args} result={state.outcome.result} />}
      </section>
    </dialog>
  );
}

const FAILURE_TITLE = { error: 'Failed', cancelled: 'Stopped', interrupted: 'Interrupted' } as const;

function RunOutcome({ state, toolName, connectorId }: { state: ToolRunState; toolName: string; connectorId: string }) {
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
          connectorId={connectorId}
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
