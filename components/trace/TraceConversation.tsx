import type { TraceCall, TraceFile, TraceFrame } from '@/lib/contract/trace-file';
import { TraceFrameList } from './TraceFrameList';
import { jsonText } from './trace-text';

/** Frames this close to a call's start and end are shown with it. */
const CALL_FRAME_MARGIN_MS = 250;

/** The conversation as it happened: each message's text, and under it the calls it made. */
export function TraceConversation({ trace, labels }: { trace: TraceFile; labels: Map<string, string> }) {
  const calls = new Map(trace.calls.map((call) => [call.callId, call]));
  return (
    <section className="stack" aria-label="Conversation">
      <h3 className="section-title">Conversation</h3>
      {trace.messages.length === 0 && <p className="muted small">The trace holds no messages.</p>}
      <ol className="trace-messages">
        {trace.messages.map((message, index) => (
          <li key={index} className="trace-message" data-role={message.role}>
            <span className="badge">{message.role}</span>
            {message.text && <p className="trace-text">{message.text}</p>}
            {message.callIds.map((id) => {
              const call = calls.get(id);
              return call ? <TraceCallView key={id} call={call} label={labels.get(call.connectorId) ?? call.connectorId} frames={framesOf(call, trace.frames)} labels={labels} /> : null;
            })}
          </li>
        ))}
      </ol>
    </section>
  );
}

function framesOf(call: TraceCall, frames: TraceFrame[]): TraceFrame[] {
  if (call.startedAt === undefined) return [];
  const from = call.startedAt - CALL_FRAME_MARGIN_MS;
  const to = (call.endedAt ?? call.startedAt) + CALL_FRAME_MARGIN_MS;
  return frames.filter((frame) => frame.connectorId === call.connectorId && frame.at >= from && frame.at <= to);
}

/** One call: tool, connector, status; its input, result and frames open on demand (as text). */
function TraceCallView({ call, label, frames, labels }: { call: TraceCall; label: string; frames: TraceFrame[]; labels: Map<string, string> }) {
  return (
    <article className="trace-call" aria-label={`${call.toolName} — ${call.status}`} data-error={call.isError === true}>
      <div className="trace-call-head">
        <code className="trace-call-name">{call.toolName}</code>
        <span className="small muted">{label}</span>
        <span className="small" data-tone={call.isError ? 'error' : undefined}>
          {call.status}
        </span>
      </div>
      <details>
        <summary>Input</summary>
        <pre className="trace-pre">{call.argsText}</pre>
      </details>
      {call.result !== undefined && (
        <details>
          <summary>{call.isError ? 'Output (error)' : 'Output'}</summary>
          <pre className="trace-pre">{jsonText(call.result)}</pre>
        </details>
      )}
      {frames.length > 0 && <TraceFrameList title={`Frames (${frames.length})`} frames={frames} labels={labels} nested />}
    </article>
  );
}
