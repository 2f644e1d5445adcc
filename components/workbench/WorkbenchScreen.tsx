import { useLiveQuery } from 'dexie-react-hooks';
import type { ConnectorSubview } from '../connectors/connector-subview';
import { usePanelServices } from '../app/panel-services';
import { ConnectorsRepository } from '@/lib/db/repositories/connectors-repository';
import { ReportCardScreen } from './ReportCardScreen';
import { EvalsScreen } from './EvalsScreen';

/** The workbench screen a connector's card opened, with that connector's stored row. */
export default function WorkbenchScreen({ view, onBack }: { view: ConnectorSubview; onBack(): void }) {
  const { db } = usePanelServices();
  const row = useLiveQuery(async () => (await new ConnectorsRepository(db).get(view.connectorId)) ?? null, [db, view.connectorId]);
  if (row === undefined) return <div aria-busy="true" />;
  if (row === null) {
    return (
      <div className="stack">
        <div className="notice" role="alert">
          This connector was removed.
        </div>
        <button className="btn" type="button" onClick={onBack}>
          ← Back
        </button>
      </div>
    );
  }
  switch (view.kind) {
    case 'report-card':
      return <ReportCardScreen row={row} onBack={onBack} />;
    case 'evals':
      return <EvalsScreen row={row} onBack={onBack} />;
  }
}
