import { useState } from 'react';
import type { QuarantinedRow } from '@/lib/db/quarantined-row';
import { sendCommand } from '@/lib/messaging/command-client';
import { useConnectorAction } from './useConnectorAction';

/**
 * A stored connector whose data no longer reads: not used anywhere, shown with what is wrong and a
 * Remove button, so the user can clear it while the other connectors go on working.
 */
export function CorruptConnectorItem({ entry }: { entry: QuarantinedRow }) {
  const action = useConnectorAction();
  const [confirming, setConfirming] = useState(false);
  const name = entry.label ?? 'Unreadable connector';
  const id = entry.id;
  return (
    <li className="card connector" aria-label={name} data-corrupt="true">
      <div className="connector-head">
        <span className="dot" data-tone="error" aria-hidden="true" />
        <div className="connector-title">
          <h3>{name}</h3>
        </div>
      </div>
      <p className="connector-status" data-state="error">
        Error: this connector's stored data is damaged, so it is not used. Remove it and add the server again.
      </p>
      <p className="small muted">{entry.message}</p>
      {id === null ? (
        <p className="small muted">Its id is damaged too, so it cannot be removed from here.</p>
      ) : confirming ? (
        <div className="row actions confirm" role="group" aria-label={`Remove ${name}?`}>
          <span>Remove {name}, its credentials and its protocol log?</span>
          <button className="btn btn-danger" type="button" autoFocus disabled={action.busy !== null} onClick={() => void action.run('Remove', () => sendCommand('connectors.remove', { id }))}>
            Remove
          </button>
          <button className="btn" type="button" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </div>
      ) : (
        <div className="row actions">
          <button className="btn btn-danger" type="button" onClick={() => setConfirming(true)}>
            Remove
          </button>
        </div>
      )}
      {action.failure && (
        <div className="notice" data-tone="error" role="alert">
          {action.failure}
        </div>
      )}
    </li>
  );
}
