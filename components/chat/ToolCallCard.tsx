import { lazy, Suspense, useId, useState } from 'react';
import { outputMismatchOf } from '@/lib/contract/output-check';
import { LOG_FOCUS_MARGIN_MS, useOpenProtocolLog } from '../app/log-focus';
import { CallInput } from '../approvals/CallInput';
import { JsonView } from '../ui/json/JsonView';
import { CallResultView } from './CallResultView';
import { RunningCallControls } from './RunningCallControls';
import { ToolApp } from '../apps/ToolApp';
import { formatDuration, type ApprovalPart, type ToolCallPart, type ToolResultPart } from './message-state';

// The Run dialog opens over the chat only when asked for: it is not part of the message list's chunk.
const ReplayDialog = lazy(() => import('../inspector/ReplayDialog'));

/** A call's status in words; the result decides between done and failed. */
function statusText(call: ToolCallPart, result?: ToolResultPart): string {
  switch (call.status.type) {
    case 'running':
      return 'running';
    case 'requires-action':
      return 'waiting for approval';
    case 'complete':
      return result?.isError ? 'failed' : 'complete';
    case 'incomplete':
      if (outputMismatchOf(result?.result)) return 'output does not match its schema';
      return call.status.reason.code === 'denied' ? 'denied' : `${call.status.reason.code}: ${call.status.reason.message}`;
  }
}

/**
 * One tool call: tool, connector, status and time; Details shows the full input and output. The
 * output is the server's data, so it is only ever shown as JSON text.
 */
export function ToolCallCard({ conversationId, messageId, call, result, approval, connectorLabel }: { conversationId: string; messageId: string; call: ToolCallPart; result?: ToolResultPart; approval?: ApprovalPart; connectorLabel: string }) {
  const [open, setOpen] = useState(false);
  const [replaying, setReplaying] = useState(false);
  const detailsId = useId();
  const status = statusText(call, result);
  const duration = formatDuration(call.startedAt, call.endedAt);
  const tone = call.status.type === 'incomplete' || result?.isError ? 'error' : call.status.type;
  const openProtocolLog = useOpenProtocolLog();
  const started = call.startedAt;

  return (
    <article className="tool-card" aria-label={`${call.toolName} — ${status}`} data-tone={tone}>
      <div className="tool-card-head">
        <span className="tool-card-icon" aria-hidden="true">⚙</span>
        <span className="tool-card-name">{call.toolName}</span>
        <span className="small muted tool-card-connector">{connectorLabel}</span>
        <button className="btn btn-link btn-small" type="button" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen(!open)}>
          Details
        </button>
        <button className="btn btn-link btn-small" type="button" onClick={() => setReplaying(true)}>
          Replay
        </button>
      </div>
      {replaying && (
        <Suspense fallback={null}>
          <ReplayDialog
            connectorId={call.connectorId}
            toolName={call.toolName}
            args={approval?.editedArgs ?? call.args ?? {}}
            toolFingerprint={call.toolFingerprint}
            replayOf={{ conversationId, callId: call.callId }}
            onClose={() => setReplaying(false)}
          />
        </Suspense>
      )}
      <div className="small tool-card-status">
        <span data-tone={tone}>{status}</span>
        {duration && <span className="muted"> · {duration}</span>}
        {result && <span className="muted"> · {result.sizeBytes.toLocaleString('en-US')} bytes</span>}
      </div>
      <RunningCallControls conversationId={conversationId} call={call} />
      <ToolApp connectorId={call.connectorId} toolName={call.toolName} args={call.args} result={result?.result} messageId={messageId} callId={call.callId} />
      {approval?.decidedBy === 'remembered' && (
        <p className="small muted tool-card-remembered">{approval.decision === 'allow' ? 'Approved' : 'Denied'} by a remembered decision for this conversation</p>
      )}
      {open && (
        <div id={detailsId} className="stack tool-card-details">
          {call.args ? <JsonView label="Input" value={call.args} /> : <CallInput argsText={call.argsText} />}
          {result ? <CallOutput messageId={messageId} result={result} toolName={call.toolName} connectorId={call.connectorId} /> : <p className="small muted">No output yet.</p>}
          {openProtocolLog && started !== undefined && (
            <button
              className="btn btn-link btn-small"
              type="button"
              onClick={() =>
                openProtocolLog({
                  connectorId: call.connectorId,
                  from: started - LOG_FOCUS_MARGIN_MS,
                  to: (call.endedAt ?? Date.now()) + LOG_FOCUS_MARGIN_MS,
                  label: `Frames of ${call.toolName} at ${new Date(started).toLocaleTimeString()}`,
                })
              }
            >
              Show in protocol log
            </button>
          )}
        </div>
      )}
    </article>
  );
}

/**
 * The stored result as the server sent it: text as text, images from the bytes the tool returned
 * (the only images the chat ever shows). The row schema made it a `CallToolResult` (or an error
 * result saying what was wrong with the stored one).
 */
function CallOutput({ messageId, result, toolName, connectorId }: { messageId: string; result: ToolResultPart; toolName: string; connectorId: string }) {
  return (
    <section className="stack" aria-label="Output">
      <strong className="small">{result.isError ? 'Output (error)' : 'Output'}</strong>
      <CallResultView messageId={messageId} callId={result.callId} result={result.result} toolName={toolName} connectorId={connectorId} />
    </section>
  );
}
