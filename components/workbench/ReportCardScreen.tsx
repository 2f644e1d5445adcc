import { useMemo, useState } from 'react';
import type { ConnectorRow } from '@/lib/db/rows';
import { SEVERITIES, type FindingSeverity, type ReportCard } from '@/lib/contract/report-finding';
import { reportCardMarkdown } from '@/lib/contract/report-markdown';
import { useCommandQuery } from '../app/useCommandQuery';
import { downloadText } from '../ui/download-text';
import { errorText } from '../ui/error-text';
import { FindingControls, type FindingGrouping } from './FindingControls';
import { FindingList } from './FindingList';
import { ReportSummary } from './ReportSummary';
import { WorkbenchFrame } from './WorkbenchFrame';
import './report-card.css';

/** A connector's tools checked against the seed's tool-selection guidance and the spec. */
export function ReportCardScreen({ row, onBack }: { row: ConnectorRow; onBack(): void }) {
  // A new tool list (Refresh tools, list_changed) is a new card: the key asks again.
  return <ReportCardView key={row.toolsFetchedAt ?? 'never'} row={row} onBack={onBack} />;
}

function ReportCardView({ row, onBack }: { row: ConnectorRow; onBack(): void }) {
  const query = useCommandQuery('workbench.reportCard', { connectorId: row.id }, ['settings-changed']);
  const card = query.status === 'ready' ? query.data : null;
  const exportButton = (
    <button className="btn btn-small" type="button" disabled={!card} onClick={() => card && exportMarkdown(row.label, card)}>
      Export Markdown
    </button>
  );
  return (
    <WorkbenchFrame title="Report card" connectorLabel={row.label} onBack={onBack} actions={exportButton}>
      {query.status === 'loading' && <p className="muted" aria-busy="true">Checking {row.tools.length} tools…</p>}
      {query.status === 'failed' && (
        <div className="notice" data-tone="error" role="alert">
          The report card could not be made: {errorText(query.error)}
        </div>
      )}
      {card && <ReportCardBody card={card} neverFetched={row.toolsFetchedAt === null} />}
    </WorkbenchFrame>
  );
}

function ReportCardBody({ card, neverFetched }: { card: ReportCard; neverFetched: boolean }) {
  const [shown, setShown] = useState<ReadonlySet<FindingSeverity>>(() => new Set(SEVERITIES));
  const [grouping, setGrouping] = useState<FindingGrouping>('severity');
  const visible = useMemo(() => card.findings.filter((f) => shown.has(f.severity)), [card, shown]);
  const toggle = (severity: FindingSeverity) =>
    setShown((current) => {
      const next = new Set(current);
      if (!next.delete(severity)) next.add(severity);
      return next;
    });
  if (neverFetched) {
    return <div className="notice">No tool list yet: once the connector connects and lists its tools, its report card appears here.</div>;
  }
  return (
    <>
      <ReportSummary summary={card.summary} />
      {card.findings.length === 0 ? (
        <div className="notice" data-tone="ok" role="status">
          Every check passed: names, descriptions, parameters, annotations and schemas follow the guidance.
        </div>
      ) : (
        <>
          <FindingControls counts={card.summary.counts} shown={shown} onToggle={toggle} grouping={grouping} onGrouping={setGrouping} />
          {visible.length === 0 ? <p className="muted">No findings of the chosen severities.</p> : <FindingList findings={visible} grouping={grouping} />}
        </>
      )}
    </>
  );
}

function exportMarkdown(label: string, card: ReportCard): void {
  const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'connector';
  downloadText(`patchbay-report-card-${slug}.md`, reportCardMarkdown(label, card, new Date()), 'text/markdown');
}
