import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { usePanelServices } from '../app/panel-services';
import ProtocolLogView from './ProtocolLogView';

/** The value of the connector filter that lists every connector's frames. */
const EVERY = '';

/**
 * The Log tab: the protocol log of every connector (or one, picked here), in the same view a
 * connector's own Protocol log tab shows. Names come from the label index alone (no row is parsed).
 */
export default function LogScreen() {
  const { db } = usePanelServices();
  const [picked, setPicked] = useState(EVERY);
  const labels = useLiveQuery(async () => {
    const byLabel = db.connectors.orderBy('label');
    const [names, ids] = await Promise.all([byLabel.keys(), byLabel.primaryKeys()]);
    return new Map(ids.map((id, i) => [String(id), String(names[i])]));
  }, [db]);
  const connectorId = picked === EVERY ? null : picked;
  const picker = (
    <label className="small">
      Connector{' '}
      <select className="input inline" value={picked} onChange={(e) => setPicked(e.target.value)} aria-label="Filter by connector">
        <option value={EVERY}>All</option>
        {[...(labels ?? new Map<string, string>())].map(([id, label]) => (
          <option key={id} value={id}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="stack log-screen">
      <ProtocolLogView
        key={picked}
        connectorId={connectorId}
        connectorLabel={connectorId ? (labels?.get(connectorId) ?? null) : null}
        labels={connectorId ? null : (labels ?? new Map())}
        picker={picker}
      />
    </div>
  );
}
