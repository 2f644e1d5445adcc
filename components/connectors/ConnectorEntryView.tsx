import { useLiveQuery } from 'dexie-react-hooks';
import type { IndexableType } from 'dexie';
import { memo } from 'react';
import { connectorEntry } from '@/lib/db/repositories/connector-listing';
import type { ConnectorStatus } from '@/lib/contract/connector-status';
import type { LogFocus } from '../app/log-focus';
import { usePanelServices } from '../app/panel-services';
import { ConnectorItem } from './ConnectorItem';
import { CorruptConnectorItem } from './CorruptConnectorItem';

interface ConnectorEntryViewProps {
  storedKey: IndexableType;
  status: ConnectorStatus | undefined;
  logFocus: LogFocus | null;
  onEdit(id: string): void;
}

/**
 * One connector of the list, read by its own live query: storing one connector's tools reads and
 * parses that row alone, and renders that item alone, however many connectors there are.
 */
export const ConnectorEntryView = memo(function ConnectorEntryView({ storedKey, status, logFocus, onEdit }: ConnectorEntryViewProps) {
  const { db } = usePanelServices();
  const entry = useLiveQuery(() => connectorEntry(db, storedKey), [db, storedKey]);
  if (!entry) return null;
  if (entry.type === 'corrupt') return <CorruptConnectorItem entry={entry.entry} />;
  return <ConnectorItem row={entry.row} status={status} logFocus={logFocus} onEdit={onEdit} />;
});
