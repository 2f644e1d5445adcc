import { useEffect, useState } from 'react';
import type { ConnectorStatus } from '@/lib/mcp/connector-status';
import { usePanelServices } from '../app/panel-services';
import { useCommandQuery } from '../app/useCommandQuery';

/** Every connector's live status: queried on (re)connect, then kept current by port events. */
export function useConnectorStatuses(): Record<string, ConnectorStatus> {
  const { link } = usePanelServices();
  const query = useCommandQuery('connectors.statuses', {});
  const [statuses, setStatuses] = useState<Record<string, ConnectorStatus>>({});

  useEffect(() => {
    if (query.status === 'ready') setStatuses(query.data);
  }, [query]);

  useEffect(
    () =>
      link.onEvent((event) => {
        if (event.type === 'connector-status') setStatuses((current) => ({ ...current, [event.connectorId]: event.status }));
      }),
    [link],
  );
  return statuses;
}
