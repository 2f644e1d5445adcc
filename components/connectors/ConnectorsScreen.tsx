import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useRef, useState } from 'react';
import { ConnectorsRepository } from '@/lib/db/repositories/connectors-repository';
import type { ConnectorRow } from '@/lib/db/rows';
import type { ConnectorDraft } from '@/lib/contract/connector-draft';
import type { LogFocus } from '../app/log-focus';
import { usePanelServices } from '../app/panel-services';
import { ConnectorForm } from './ConnectorForm';
import { ConnectorItem } from './ConnectorItem';
import { coalescedQuerier } from './coalesced-querier';
import { ConnectorsEmptyState } from './ConnectorsEmptyState';
import { CorruptConnectorItem } from './CorruptConnectorItem';
import { reuseUnchanged } from '../chat/reuse-unchanged';
import { useConnectorStatuses } from './useConnectorStatuses';

type FormState = { mode: 'closed' } | { mode: 'add'; preset?: Partial<ConnectorDraft> } | { mode: 'edit'; id: string };

/** The user's MCP servers: add, edit, remove, their status, tools and traffic. */
export function ConnectorsScreen({ logFocus = null }: { logFocus?: LogFocus | null }) {
  const { db } = usePanelServices();
  const repository = useMemo(() => new ConnectorsRepository(db), [db]);
  // A corrupt row is quarantined, not thrown: the others list and work, it shows apart with its error.
  // A Refresh of every connector stores their lists within a few hundred milliseconds: read once per burst.
  const querier = useMemo(() => coalescedQuerier(() => repository.survey()), [repository]);
  const survey = useLiveQuery(querier, [querier]);
  // Each stored tool list re-reads every row: the unchanged ones keep their objects, so only the
  // connector that changed renders again (not every connector's tool rows).
  const shared = useRef<ConnectorRow[] | undefined>(undefined);
  const rows = useMemo(() => survey && (shared.current = reuseUnchanged(shared.current, survey.rows)), [survey]);
  const statuses = useConnectorStatuses();
  const [form, setForm] = useState<FormState>({ mode: 'closed' });
  const edit = useCallback((id: string) => setForm({ mode: 'edit', id }), []);

  if (survey === undefined || rows === undefined) return <div aria-busy="true" />;
  const { corrupt } = survey;
  const connectors = rows;
  const listed = connectors.length + corrupt.length;
  const editing = form.mode === 'edit' ? connectors.find((c) => c.id === form.id) : undefined;
  const otherLabels = connectors.filter((c) => c.id !== editing?.id).map((c) => c.label);
  const close = () => setForm({ mode: 'closed' });

  return (
    <div className="stack">
      {form.mode !== 'closed' && (
        <ConnectorForm
          key={form.mode === 'edit' ? form.id : 'new'}
          row={editing}
          preset={form.mode === 'add' ? form.preset : undefined}
          otherLabels={otherLabels}
          onDone={close}
          onCancel={close}
        />
      )}
      {listed === 0 && form.mode === 'closed' && <ConnectorsEmptyState onAdd={(preset) => setForm({ mode: 'add', preset })} />}
      {listed > 0 && (
        <>
          <div className="row spread">
            <h2 className="section-title">Connectors</h2>
            {form.mode === 'closed' && (
              <button className="btn btn-primary" type="button" onClick={() => setForm({ mode: 'add' })}>
                Add connector
              </button>
            )}
          </div>
          <ul className="connector-list" aria-label="Connectors">
            {connectors.map((row) => (
              <ConnectorItem
                key={row.id}
                row={row}
                status={statuses[row.id]}
                logFocus={logFocus?.connectorId === row.id ? logFocus : null}
                onEdit={edit}
              />
            ))}
            {corrupt.map((entry, index) => (
              <CorruptConnectorItem key={entry.id ?? `corrupt-${index}`} entry={entry} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
