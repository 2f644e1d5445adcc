import { useLiveQuery } from 'dexie-react-hooks';
import { overriddenToolNames } from '@/lib/db/repositories/tool-overrides-repository';
import { usePanelServices } from '../app/panel-services';

const NONE: ReadonlySet<string> = new Set();

/** The connector's tools with a what-if description, read live, so their rows carry the badge. */
export function useOverriddenTools(connectorId: string): ReadonlySet<string> {
  const { db } = usePanelServices();
  return useLiveQuery(() => overriddenToolNames(db, connectorId), [db, connectorId]) ?? NONE;
}
