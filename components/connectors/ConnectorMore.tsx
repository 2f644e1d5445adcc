import type { ConnectorRow } from '@/lib/db/rows';
import { CapabilitiesView } from '../context/CapabilitiesView';
import { LogLevelSelect } from './LogLevelSelect';
import type { useConnectorAction } from './useConnectorAction';

/**
 * What a connector's **More** opens: the server's name and version, the transport in use, the
 * server's log level and the capabilities it declared (Remove is added beside them by the actions). Looked at rarely, so kept off the first screen.
 */
export function ConnectorMore({ row, action }: { row: ConnectorRow; action: ReturnType<typeof useConnectorAction> }) {
  const facts = [row.serverInfo && `${row.serverInfo.name} ${row.serverInfo.version}`, row.transportUsed && (row.transportUsed === 'sse' ? 'SSE' : 'Streamable HTTP')].filter(Boolean);
  return (
    <>
      <p className="muted small connector-url">{row.url}</p>
      {facts.length > 0 && <p className="muted small">{facts.join(' · ')}</p>}
      <LogLevelSelect row={row} action={action} />
      <CapabilitiesView row={row} />
    </>
  );
}
