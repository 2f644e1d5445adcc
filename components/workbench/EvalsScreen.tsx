import type { ConnectorRow } from '@/lib/db/rows';
import { WorkbenchFrame } from './WorkbenchFrame';

/** A connector's tool-selection eval suites, their runs and what-if description overrides. */
export function EvalsScreen({ row, onBack }: { row: ConnectorRow; onBack(): void }) {
  return (
    <WorkbenchFrame title="Evals" connectorLabel={row.label} onBack={onBack}>
      <p className="muted">Not built yet.</p>
    </WorkbenchFrame>
  );
}
