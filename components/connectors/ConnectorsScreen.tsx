import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { ConnectorsRepository } from '@/lib/db/repositories/connectors-repository';
import { connectorLabels, connectorListing, type ConnectorListing } from '@/lib/db/repositories/connector-listing';
import type { ConnectorDraft } from '@/lib/contract/connector-draft';
import type { LogFocus } from '../app/log-focus';
import { usePanelServices } from '../app/panel-services';
import { ConnectorEntryView } from './ConnectorEntryView';
import { ConnectorForm } from './ConnectorForm';
import { ConnectorsEmptyState } from './ConnectorsEmptyState';
import { RefreshAllButton } from './RefreshAllButton';
import { sameValue } from '../chat/reuse-unchanged';
import { useConnectorStatuses } from './useConnectorStatuses';
import { ConnectorSubviewContext, type ConnectorSubview } from './connector-subview';

// The workbench (report card, evals) loads when a connector's card first opens it.
const WorkbenchScreen = lazy(() => import('../workbench/WorkbenchScreen'));

type FormState = { mode: 'closed' } | { mode: 'add'; preset?: Partial<ConnectorDraft> } | { mode: 'edit'; id: string };

/** The user's MCP servers: add, edit, remove, their status, tools and traffic. */
export function ConnectorsScreen({ logFocus = null }: { logFocus?: LogFocus | null }) {
  const { db } = usePanelServices();
  const repository = useMemo(() => new ConnectorsRepository(db), [db]);
  // The list is read from the indexes; each connector reads its own row (ConnectorEntryView), so a
  // Refresh of every connector reads each stored row once, not every row at each write. A corrupt
  // row is quarantined there, not thrown: the others list and work.
  const read = useLiveQuery(() => connectorListing(db), [db]);
  const shared = useRef<ConnectorListing | undefined>(undefined);
  const listing = useMemo(() => (shared.current = read && shared.current && sameValue(shared.current, read) ? shared.current : read), [read]);
  const statuses = useConnectorStatuses();
  const [form, setForm] = useState<FormState>({ mode: 'closed' });
  const edit = useCallback((id: string) => setForm({ mode: 'edit', id }), []);
  const editingId = form.mode === 'edit' ? form.id : null;
  const [subview, setSubview] = useState<ConnectorSubview | null>(null);
  const editing = useLiveQuery(async () => (editingId ? ((await repository.get(editingId)) ?? null) : null), [repository, editingId]);
  const formOpen = form.mode !== 'closed';
  const labels = useLiveQuery(async () => (formOpen ? connectorLabels(db) : null), [db, formOpen]);

  if (listing === undefined) return <div aria-busy="true" />;
  if (subview) {
    return (
      <Suspense fallback={<div aria-busy="true" />}>
        <WorkbenchScreen view={subview} onBack={() => setSubview(null)} />
      </Suspense>
    );
  }
  const listed = listing.keys.length;
  const editingRow = editing ?? undefined;
  const otherLabels = (labels ?? []).filter((label) => label !== editingRow?.label);
  const close = () => setForm({ mode: 'closed' });
  // The edit form waits for its row, so it never opens empty and then fills; both wait for the labels.
  const formShown = Array.isArray(labels) && (form.mode === 'add' || (form.mode === 'edit' && editingRow !== undefined));

  return (
    <div className="stack">
      {formShown && (
        <ConnectorForm
          key={form.mode === 'edit' ? form.id : 'new'}
          row={editingRow}
          preset={form.mode === 'add' ? form.preset : undefined}
          otherLabels={otherLabels}
          onDone={close}
          onCancel={close}
        />
      )}
      {listed === 0 && !formShown && <ConnectorsEmptyState onAdd={(preset) => setForm({ mode: 'add', preset })} />}
      {listed > 0 && (
        <>
          <div className="row spread">
            <h2 className="section-title">{listed === 1 ? '1 connector' : `${listed} connectors`}</h2>
            {!formShown && (
              <div className="row connectors-head-actions">
                <RefreshAllButton />
                <button className="btn btn-primary" type="button" onClick={() => setForm({ mode: 'add' })}>
                  Add connector
                </button>
              </div>
            )}
          </div>
          <ConnectorSubviewContext.Provider value={setSubview}>
          <ul className="connector-list" aria-label="Connectors">
            {listing.keys.map((key) => (
              <ConnectorEntryView
                key={String(key)}
                storedKey={key}
                status={typeof key === 'string' ? statuses[key] : undefined}
                logFocus={logFocus?.connectorId === key ? logFocus : null}
                onEdit={edit}
              />
            ))}
          </ul>
          </ConnectorSubviewContext.Provider>
        </>
      )}
    </div>
  );
}
