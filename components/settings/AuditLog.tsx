import { useState } from 'react';
import type { AuditRow } from '@/lib/db/rows';
import { sendCommand } from '@/lib/messaging/command-client';
import { downloadText } from '../ui/download-text';
import { JsonView } from '../ui/json/JsonView';
import { errorText } from '../ui/error-text';
import { AUDIT_KEEPS_TEXT, auditFileName, auditKindText, auditNote } from './audit-text';
import { useAuditPage, type AuditNames } from './useAuditPage';

/** Every decision and write call, newest first, a page at a time; Export audit saves them all as JSON. */
export default function AuditLog() {
  const { page, showMore } = useAuditPage();
  const [failure, setFailure] = useState<string | null>(null);

  async function exportAll() {
    setFailure(null);
    try {
      const now = new Date();
      const { text } = await sendCommand('audit.export', { exportedAt: now.getTime() });
      downloadText(auditFileName(now), text, 'application/json');
    } catch (error) {
      setFailure(errorText(error));
    }
  }

  return (
    <section className="card stack" aria-label="Audit log">
      <div className="row spread">
        <h3 className="audit-title">Audit log</h3>
        <button className="btn btn-small" type="button" onClick={() => void exportAll()} disabled={!page || page.rows.length === 0}>
          Export audit
        </button>
      </div>
      <p className="small muted">{AUDIT_KEEPS_TEXT}</p>
      {failure && (
        <div className="notice notice-inline" data-tone="error" role="alert">
          {failure}
        </div>
      )}
      {page === undefined ? (
        <p className="small muted" aria-busy="true">Loading…</p>
      ) : page.rows.length === 0 ? (
        <p className="small muted">No entries yet.</p>
      ) : (
        <ul className="audit-list">
          {page.rows.map((row) => (
            <AuditEntry key={row.id ?? `${row.at}:${row.toolName}`} row={row} names={page.names} />
          ))}
        </ul>
      )}
      {page?.more && (
        <button className="btn btn-small" type="button" onClick={showMore} style={{ justifySelf: 'start' }}>
          Show more
        </button>
      )}
    </section>
  );
}

function AuditEntry({ row, names }: { row: AuditRow; names: AuditNames }) {
  const note = auditNote(row);
  const title = names.conversations.get(row.conversationId);
  return (
    <li className="audit-entry" data-kind={row.kind}>
      <div className="audit-line">
        <time className="small muted" dateTime={new Date(row.at).toISOString()}>
          {new Date(row.at).toLocaleString()}
        </time>
        <span className="audit-kind" data-kind={row.kind}>
          {auditKindText(row.kind)}
        </span>
        <code>{row.toolName}</code>
      </div>
      <div className="small muted">
        on {names.connectors.get(row.connectorId) ?? 'a removed connector'} ·{' '}
        {row.kind === 'hand-run' ? 'from the Connectors screen' : title ? `in “${title}”` : row.conversationId === '' ? 'outside any conversation' : 'in a deleted conversation'}
        {note && ` · ${note}`}
      </div>
      <details>
        <summary>Input and outcome</summary>
        <JsonView label="Detail" value={row.detail} />
      </details>
    </li>
  );
}
