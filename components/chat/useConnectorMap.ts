import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import { ConnectorsRepository } from '@/lib/db/repositories/connectors-repository';
import type { ConnectorRow } from '@/lib/db/rows';
import { usePanelServices } from '../app/panel-services';

/** The last map read in this page: a conversation opened again shows its cards at once. */
let lastMap: ReadonlyMap<string, ConnectorRow> | undefined;

/**
 * The whole stored connector rows by id (tool definitions, capabilities), live, for the message
 * view's cards. Read here, in the message view's own chunk, so the chat's first screen checks only
 * what it shows (`ChatConnector`) and never builds the SDK's schemas. `undefined` until first read.
 */
export function useConnectorMap(): ReadonlyMap<string, ConnectorRow> | undefined {
  const { db } = usePanelServices();
  const repository = useMemo(() => new ConnectorsRepository(db), [db]);
  const map = useLiveQuery(async () => new Map((await repository.list()).map((row) => [row.id, row])), [repository], lastMap);
  useEffect(() => void (lastMap = map), [map]);
  return map;
}
