import { useEffect, useState } from 'react';
import type { ConnectorStatus, VersionedStatus } from '@/lib/contract/connector-status';
import { mergeNewestStatuses } from './merge-newest-statuses';
import { usePanelServices } from '../app/panel-services';
import { useCommandQuery } from '../app/useCommandQuery';
import { useLinkState } from '../app/useLinkState';

/**
 * Every connector's live status: queried on (re)connect, then kept current by port events. The
 * snapshot and the events travel on different channels and may cross: the higher version wins.
 */
export function useConnectorStatuses(): Record<string, ConnectorStatus> {
  const { link } = usePanelServices();
  const { session } = useLinkState(link);
  const query = useCommandQuery('connectors.statuses', {});
  const [statuses, setStatuses] = useState<Record<string, VersionedStatus>>({});

  // A new worker numbers its changes from scratch: forget the old worker's versions.
  useEffect(() => setStatuses({}), [session]);

  useEffect(() => {
    if (query.status === 'ready') setStatuses((current) => mergeNewestStatuses(current, query.data));
  }, [query]);

  useEffect(
    () =>
      link.onEvent((event) => {
        if (event.type !== 'connector-status') return;
        const { connectorId, status, version } = event;
        setStatuses((current) => mergeNewestStatuses(current, { [connectorId]: { status, version } }));
      }),
    [link],
  );
  return Object.fromEntries(Object.entries(statuses).map(([id, entry]) => [id, entry.status]));
}

