import type { AuditRow } from '@/lib/db/rows';
import { AUDIT_PARAMS_MAX_BYTES, AUDITED_REQUESTS_PER_CONNECTOR } from '@/lib/db/repositories/server-request-audit-retention';

/** What the log keeps, in words, under its title. */
export const AUDIT_KEEPS_TEXT =
  'Every approval, denial and write call, and every write tool run by hand, kept in this browser: never changed, never removed. ' +
  `Answers to servers' requests are kept to the newest ${AUDITED_REQUESTS_PER_CONNECTOR.toLocaleString('en-US')} per connector, each with the first ${AUDIT_PARAMS_MAX_BYTES / 1024} KB of the request.`;

/** The entry's kind in words. */
export function auditKindText(kind: AuditRow['kind']): string {
  switch (kind) {
    case 'approved':
      return 'Approved';
    case 'denied':
      return 'Denied';
    case 'write-call':
      return 'Write call';
    case 'hand-run':
      return 'Run by hand';
    case 'server-request':
      return 'Server request';
  }
}

/** A short note from the entry's detail: remembered, edited, how a write call ended, a server's request cut short. */
export function auditNote(row: Pick<AuditRow, 'kind' | 'detail'>): string {
  const detail = row.detail;
  const notes: string[] = [];
  if (detail.origin === 'app' && typeof detail.app === 'string') notes.push(`from the ${detail.app} app`);
  if (detail.origin === 'replay') notes.push('a replay from the Run dialog');
  if (detail.decidedBy === 'remembered') notes.push('by a remembered decision');
  else if (detail.remembered === true && row.kind !== 'write-call' && row.kind !== 'hand-run') notes.push('remembered');
  if (detail.editedArgs !== undefined || detail.modelArgs !== undefined) notes.push('edited input');
  if ((row.kind === 'write-call' || row.kind === 'hand-run' || row.kind === 'server-request') && typeof detail.outcome === 'string') notes.push(detail.outcome === 'ok' ? 'succeeded' : detail.outcome);
  const cut = detail.requestTruncatedBytes;
  if (row.kind === 'server-request' && typeof cut === 'number' && Number.isFinite(cut)) notes.push(`request truncated: ${cut.toLocaleString('en-US')} bytes not kept`);
  return notes.join(' · ');
}

/** `patchbay-audit-2026-11-26.json`: the export's file name for a given day. */
export function auditFileName(now: Date): string {
  return `patchbay-audit-${now.toISOString().slice(0, 10)}.json`;
}
