import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { ConnectorRow } from '@/lib/db/rows';
import { connectorChoices } from '@/lib/db/repositories/connector-listing';
import { usePanelServices } from '../app/panel-services';
import { WorkbenchFrame } from './WorkbenchFrame';
import { useConnectorEvals, useSuiteRuns } from './useEvalData';
import { SuiteToolbar } from './SuiteToolbar';
import { CaseList } from './CaseList';
import { CaseForm } from './CaseForm';
import { RunControls } from './RunControls';
import { RunResults } from './RunResults';
import { OverridesPanel } from './OverridesPanel';
import './evals.css';

type Editing = { mode: 'closed' } | { mode: 'new' } | { mode: 'edit'; caseId: string };

/** A connector's tool-selection eval suites, their runs and what-if description overrides. */
export function EvalsScreen({ row, onBack }: { row: ConnectorRow; onBack(): void }) {
  const { db } = usePanelServices();
  const { suites, overrides } = useConnectorEvals(row.id);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const [notice, setNotice] = useState<string | null>(null);
  const suite = suites?.find((item) => item.id === selectedId) ?? suites?.[0] ?? null;
  const runs = useSuiteRuns(suite?.id ?? null);
  // The other connectors a case may bring in, from the label index (no row is read).
  const choices = useLiveQuery(() => connectorChoices(db), [db]);
  const others = useMemo(() => (choices ?? []).filter((other) => other.id !== row.id), [choices, row.id]);
  const running = runs?.find((run) => run.status.type === 'running') ?? null;

  if (suites === undefined || overrides === undefined) return <div aria-busy="true" />;
  const editedCase = editing.mode === 'edit' ? (suite?.cases.find((item) => item.id === editing.caseId) ?? null) : null;
  return (
    <WorkbenchFrame title="Evals" connectorLabel={row.label} onBack={onBack}>
      <p className="small muted">Which tool does your model pick for each prompt? Each case is sent to the model in Settings with this conversation's tool list; no tool is ever run.</p>
      <SuiteToolbar connectorId={row.id} suites={suites} selected={suite} onSelect={(id) => { setSelectedId(id); setEditing({ mode: 'closed' }); }} onNotice={setNotice} />
      {notice && <div className="notice" role="status">{notice}</div>}
      {suite && (
        <section className="card stack" aria-label="Cases">
          <div className="row spread">
            <h3 className="section-title">{suite.name}</h3>
            {editing.mode === 'closed' && (
              <button className="btn btn-small" type="button" onClick={() => setEditing({ mode: 'new' })}>
                Add case
              </button>
            )}
          </div>
          {editing.mode !== 'closed' && <CaseForm key={editing.mode === 'edit' ? editing.caseId : 'new'} suiteId={suite.id} tools={row.tools} others={others} editing={editedCase} onDone={() => setEditing({ mode: 'closed' })} />}
          <CaseList suite={suite} onEdit={(caseId) => setEditing({ mode: 'edit', caseId })} />
          <RunControls suite={suite} running={running} overrideCount={overrides.length} />
        </section>
      )}
      {suite && runs && <RunResults key={suite.id} runs={runs} />}
      <OverridesPanel connectorId={row.id} tools={row.tools} overrides={overrides} />
    </WorkbenchFrame>
  );
}
