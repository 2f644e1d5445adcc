import type { ConnectorRow } from '@/lib/db/rows';
import { WorkbenchFrame } from './WorkbenchFrame';

/** A connector's tools checked against the seed's tool-selection guidance and the spec. */
export function ReportCardScreen({ row, onBack }: { row: ConnectorRow; onBack(): void }) {
  return (
    <WorkbenchFrame title="Report card" connectorLabel={row.label} onBack={onBack}>
      <p className="muted">Not built yet.</p>
    </WorkbenchFrame>
  );
}
