import { useState } from 'react';
import type { Decision } from './decision';

/**
 * Remember, Deny and Approve. Plain buttons outside any form, none focused first: Enter on the
 * card or the checkbox submits nothing, so only a deliberate click or key press approves.
 */
export function ApprovalActions({ onDecide }: { onDecide(decision: Decision, remembered: boolean): Promise<void> }) {
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);

  async function decide(decision: Decision) {
    setBusy(true);
    try {
      await onDecide(decision, remember);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="row spread approval-actions">
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
  );
}
