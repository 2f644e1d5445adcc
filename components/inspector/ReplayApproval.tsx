import { useEffect, useRef, useState } from 'react';
import { JsonBlock } from '../ui/JsonBlock';

/** What the replay would send, waiting for the person's answer. */
export interface PendingReplay {
  callId: string;
  args: Record<string, unknown>;
  risk: 'read-only' | 'write' | 'destructive';
}

const RISK_TEXT = {
  'read-only': 'The connector is set to ask before every tool.',
  write: 'This tool does not claim to be read-only: replaying it may change data on the server.',
  destructive: 'The server says this tool is destructive: replaying it may delete or overwrite data.',
} as const;

/**
 * The chat's approval rule inside the Run dialog: a replay of a write tool shows its full input
 * and waits for Approve or Deny. The card takes focus, never the Approve button.
 */
export function ReplayApproval({ toolName, pending, onDecide }: { toolName: string; pending: PendingReplay; onDecide(decision: 'allow' | 'deny'): Promise<void> }) {
  const card = useRef<HTMLElement>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => card.current?.focus({ preventScroll: true }), [pending.callId]);

  async function decide(decision: 'allow' | 'deny') {
    setBusy(true);
    try {
      await onDecide(decision);
    } finally {
      setBusy(false);
    }
  }

  return (
    <article ref={card} className="approval-card" data-risk={pending.risk} aria-label={`Approve ${toolName}?`} tabIndex={-1}>
      <header className="approval-head">
        <strong>Approve {toolName}?</strong>
        <span className="small muted">a replay</span>
      </header>
      <p className="approval-why small">{RISK_TEXT[pending.risk]}</p>
      <JsonBlock label="Input" value={pending.args} />
      <div className="row actions">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void decide('allow')}>
          Approve
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void decide('deny')}>
          Deny
        </button>
      </div>
    </article>
  );
}
