import type { ReactNode } from 'react';
import type { ServerRequestRow } from '@/lib/contract/server-request';
import { outcomeText, outcomeTone } from './request-text';

/**
 * What every server request card has: the connector it came from (its accessible name, UI
 * contract), the mark of a server not used in this conversation, the server's message as plain
 * text, and once ended, how and why. The body (form, link) is the kind's own.
 */
export function RequestCardFrame({ row, name, children }: { row: ServerRequestRow; name: string; children: ReactNode }) {
  const message = typeof row.params.message === 'string' ? row.params.message : '';
  const done = row.status === 'done';
  return (
    <article className="request-card" aria-label={name} data-status={row.status} data-outcome={row.outcome}>
      <header className="request-head">
        <strong>{name}</strong>
        {row.toolName && <span className="small muted">during {row.toolName}{row.origin.type === 'hand-run' ? ', run by hand' : ''}</span>}
      </header>
      {row.unfamiliar && (
        <p className="request-unfamiliar small" role="note">
          You have not used {row.connectorLabel} in this conversation.
        </p>
      )}
      {message && <p className="request-message">{message}</p>}
      {children}
      {done && (
        <p className="request-outcome small" data-tone={outcomeTone(row)}>
          {outcomeText(row)}
          {row.reason && <span className="request-reason"> {row.reason}</span>}
        </p>
      )}
    </article>
  );
}

/** The buttons every elicitation card ends with; the first (Accept or Open) is the kind's. */
export function RequestActions({ primary, busy, onPrimary, onDecline, onCancel }: { primary: string; busy: boolean; onPrimary(): void; onDecline(): void; onCancel(): void }) {
  return (
    <div className="row request-actions">
      <button className="btn btn-primary btn-small" type="button" disabled={busy} onClick={onPrimary}>
        {primary}
      </button>
      <button className="btn btn-small" type="button" disabled={busy} onClick={onDecline}>
        Decline
      </button>
      <button className="btn btn-small btn-link" type="button" disabled={busy} onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

/** A refusal from the background (the answer did not fit, or the request ended meanwhile). */
export function RequestRefusal({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <div className="notice" data-tone="error" role="alert">
      {text}
    </div>
  );
}
