import { useEffect, useRef, useState } from 'react';
import type { MessagePart } from '@/lib/db/message-parts';
import type { ConnectorRow } from '@/lib/db/rows';
import { ToolBadges } from '../connectors/ToolBadges';
import { CallInput } from './CallInput';
import { toolInfo } from './tool-info';

type ToolCallPart = Extract<MessagePart, { type: 'tool-call' }>;
type ApprovalPart = Extract<MessagePart, { type: 'approval' }>;

const focusedCalls = new Set<string>();

/**
 * A write action waiting for the user: connector, tool, what the server claims about it and the
 * full input. The card takes focus, never the Approve button, so a stray Enter approves nothing.
 */
export function ApprovalCard({
  call,
  approval,
  connector,
  onDecide,
}: {
  call: ToolCallPart;
  approval: ApprovalPart;
  connector?: ConnectorRow;
  onDecide(decision: 'allow' | 'deny', remembered: boolean): Promise<void>;
}) {
  const card = useRef<HTMLElement>(null);
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const pending = approval.decision === 'pending';
  const info = toolInfo(connector, call.toolName);

  useEffect(() => {
    const active = document.activeElement;
    const typing = active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement;
    // Once per call: a virtualised list remounts the card on scroll, which must not move focus again.
    if (!pending || typing || focusedCalls.has(call.callId)) return;
    focusedCalls.add(call.callId);
    card.current?.focus({ preventScroll: true });
  }, [pending, call.callId]);

  async function decide(decision: 'allow' | 'deny') {
    setBusy(true);
    try {
      await onDecide(decision, remember);
    } finally {
      setBusy(false);
    }
  }

  return (
    <article ref={card} className="approval-card" data-decision={approval.decision} aria-label={`Approve ${call.toolName}?`} tabIndex={-1}>
      <header className="approval-head">
        <strong>Approve {call.toolName}?</strong>
        <span className="small muted">on {connector?.label ?? 'a removed connector'}</span>
      </header>
      {info.description && <p className="tool-description-text">{info.description}</p>}
      {info.annotations && (
        <div className="row small">
          <ToolBadges annotations={info.annotations} />
          <span className="muted">as claimed by the server</span>
        </div>
      )}
      <CallInput args={call.args} argsText={call.argsText} />
      {pending ? (
        <div className="row spread">
          <label className="check small">
            <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} />
            Remember for this conversation
          </label>
          <div className="row">
            <button className="btn" type="button" disabled={busy} onClick={() => void decide('deny')}>
              Deny
            </button>
            <button className="btn btn-primary" type="button" disabled={busy} onClick={() => void decide('allow')}>
              Approve
            </button>
          </div>
        </div>
      ) : (
        <p className="approval-outcome" data-decision={approval.decision}>
          {approval.decision === 'allow' ? 'Approved' : 'Denied'}
          {approval.remembered ? ' — remembered for this conversation' : ''}
        </p>
      )}
    </article>
  );
}
