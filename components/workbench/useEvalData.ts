import { useLiveQuery } from 'dexie-react-hooks';
import { suitesOfConnector } from '@/lib/db/repositories/eval-suites-repository';
import { runsOfSuite } from '@/lib/db/repositories/eval-runs-repository';
import { overridesOfConnector } from '@/lib/db/repositories/tool-overrides-repository';
import type { EvalSuiteRow } from '@/lib/contract/eval-suite';
import type { EvalRunRow } from '@/lib/contract/eval-run';
import type { ToolOverrideRow } from '@/lib/contract/tool-override';
import { usePanelServices } from '../app/panel-services';

/** A connector's suites (newest edit first) and what-if overrides, read live; undefined while loading. */
export function useConnectorEvals(connectorId: string): { suites: EvalSuiteRow[] | undefined; overrides: ToolOverrideRow[] | undefined } {
  const { db } = usePanelServices();
  const suites = useLiveQuery(() => suitesOfConnector(db, connectorId), [db, connectorId]);
  const overrides = useLiveQuery(() => overridesOfConnector(db, connectorId), [db, connectorId]);
  return { suites, overrides };
}

/** A suite's runs, newest first, read live: the background writes progress into them. */
export function useSuiteRuns(suiteId: string | null): EvalRunRow[] | undefined {
  const { db } = usePanelServices();
  return useLiveQuery(async () => (suiteId ? runsOfSuite(db, suiteId) : []), [db, suiteId]);
}
