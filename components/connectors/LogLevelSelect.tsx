import { useId } from 'react';
import { LOG_LEVELS, LogLevelSchema } from '@/lib/contract/log-level';
import type { ConnectorRow } from '@/lib/db/rows';
import { sendCommand } from '@/lib/messaging/command-client';
import type { useConnectorAction } from './useConnectorAction';

/**
 * The server's log level (`logging/setLevel`), for a server that declared `logging` only. The
 * choice is remembered for the connector and sent again on every new session; the messages land in
 * the protocol log, where they can be filtered by level.
 */
export function LogLevelSelect({ row, action }: { row: ConnectorRow; action: ReturnType<typeof useConnectorAction> }) {
  const id = useId();
  if (!row.capabilities?.logging) return null;
  return (
    <div className="row log-level">
      <label className="small" htmlFor={id}>
        Log level
      </label>
      <select
        id={id}
        className="input inline"
        value={row.logLevel ?? ''}
        disabled={action.busy !== null}
        onChange={(event) => {
          const level = LogLevelSchema.safeParse(event.target.value);
          if (level.success) void action.run('Log level', () => sendCommand('connectors.setLogLevel', { id: row.id, level: level.data }));
        }}
      >
        {!row.logLevel && <option value="">Server default</option>}
        {LOG_LEVELS.map((level) => (
          <option key={level} value={level}>
            {level}
          </option>
        ))}
      </select>
    </div>
  );
}
