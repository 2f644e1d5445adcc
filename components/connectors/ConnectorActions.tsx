import { useId, useState, type ReactNode } from 'react';
import type { ConnectorRow } from '@/lib/db/rows';
import type { ConnectorStatus } from '@/lib/contract/connector-status';
import { sendCommand } from '@/lib/messaging/command-client';
import { grantAccess } from './grant-access';
import { useConnectorAction } from './useConnectorAction';
import { useOpenConnectorSubview } from './connector-subview';

/**
 * A connector's buttons in one compact row at 400 px: those its status calls for first (Grant
 * access, Sign in, Reconnect), then Refresh tools, Edit, Report card, Evals and **More**, which
 * opens the rarely used part below the row: `more` (server facts, log level, capabilities) and Remove.
 */
export function ConnectorActions({ row, status, onEdit, more }: { row: ConnectorRow; status: ConnectorStatus | undefined; onEdit(): void; more: ReactNode }) {
  const action = useConnectorAction();
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const [moreOpen, setMoreOpen] = useState(false);
  const moreId = useId();
  const id = row.id;
  const busy = action.busy !== null;
  const openSubview = useOpenConnectorSubview();

  function signIn() {
    setNotice(null);
    void action.run('Sign in', async () => {
      const { outcome } = await sendCommand('connectors.signIn', { id });
      if (outcome === 'cancelled') setNotice('Sign-in was cancelled; nothing changed.');
    });
  }

  if (confirmingRemove) {
    return (
      <div className="row actions confirm" role="group" aria-label={`Remove ${row.label}?`}>
        <span>Remove {row.label}, its credentials and its protocol log?</span>
        <button className="btn btn-danger" type="button" autoFocus disabled={busy} onClick={() => void action.run('Remove', () => sendCommand('connectors.remove', { id }))}>
          Remove
        </button>
        <button className="btn" type="button" onClick={() => setConfirmingRemove(false)}>
          Keep
        </button>
      </div>
    );
  }

  return (
    <>
      <div className="row actions">
        {status?.state === 'permission-needed' && (
          <button
            className="btn btn-primary"
            type="button"
            onClick={() => {
              // Asked inside the click: browsers show the prompt only there.
              const granting = grantAccess(row.url, id);
              setNotice(null);
              void action.run('Grant access', async () => {
                if (!(await granting)) setNotice('Access was not granted; the connector stays off until it is.');
              });
            }}
          >
            Grant access
          </button>
        )}
        {status?.state === 'needs-auth' && (
          <button className="btn btn-primary" type="button" disabled={busy} onClick={signIn}>
            {action.busy === 'Sign in' ? 'Signing in…' : 'Sign in'}
          </button>
        )}
        {status?.state === 'error' && (
          <button className="btn" type="button" disabled={busy} onClick={() => void action.run('Reconnect', () => sendCommand('connectors.reconnect', { id }))}>
            Reconnect
          </button>
        )}
        <button className="btn" type="button" aria-label="Refresh tools" disabled={busy} onClick={() => void action.run('Refresh tools', () => sendCommand('connectors.refreshTools', { id }))}>
          {action.busy === 'Refresh tools' ? 'Refreshing…' : 'Refresh'}
        </button>
        <button className="btn" type="button" onClick={onEdit}>
          Edit
        </button>
        <button className="btn" type="button" onClick={() => openSubview({ kind: 'report-card', connectorId: id })}>
          Report card
        </button>
        <button className="btn" type="button" onClick={() => openSubview({ kind: 'evals', connectorId: id })}>
          Evals
        </button>
        {row.auth === 'oauth' && status?.state === 'connected' && (
          <button className="btn" type="button" disabled={busy} onClick={() => void action.run('Sign out', () => sendCommand('connectors.signOut', { id }))}>
            Sign out
          </button>
        )}
        <button className="btn" type="button" aria-expanded={moreOpen} aria-controls={moreId} onClick={() => setMoreOpen(!moreOpen)}>
          More
        </button>
      </div>
      {moreOpen && (
        <div className="connector-more stack" id={moreId}>
          {more}
          <div className="row">
            <button className="btn btn-small btn-danger" type="button" disabled={busy} onClick={() => setConfirmingRemove(true)}>
              Remove
            </button>
          </div>
        </div>
      )}
      {action.failure && (
        <div className="notice" data-tone="error" role="alert">
          {action.failure}
        </div>
      )}
      {notice && (
        <div className="notice" role="status">
          {notice}
        </div>
      )}
    </>
  );
}
