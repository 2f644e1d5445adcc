import { useLiveQuery } from 'dexie-react-hooks';
import { useContext } from 'react';
import { overriddenToolNames } from '@/lib/db/repositories/tool-overrides-repository';
import { PanelServicesContext } from '../app/panel-services';

const NONE: ReadonlySet<string> = new Set();

/**
 * The connector's tools with a what-if description, read live, so their rows carry the badge.
 * Without the panel's services (a connector card rendered on its own) there are none to show.
 */
export function useOverriddenTools(connectorId: string): ReadonlySet<string> {
  const db = useContext(PanelServicesContext)?.db ?? null;
  return useLiveQuery(async () => (db ? overriddenToolNames(db, connectorId) : NONE), [db, connectorId]) ?? NONE;
}
