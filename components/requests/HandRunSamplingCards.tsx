import { useLiveQuery } from 'dexie-react-hooks';
import type { ServerRequestRow } from '@/lib/contract/server-request';
import { requestsOfHandRun } from '@/lib/db/server-request-queries';
import { usePanelServices } from '../app/panel-services';
import { SamplingCard } from './SamplingCard';

const NONE: ServerRequestRow[] = [];

/**
 * The sampling requests of one hand run, live, in its Run dialog. Stands in until the shared
 * `HandRunRequests` (every kind of request, i13-elicit) takes this place in the dialog.
 */
export function HandRunSamplingCards({ connectorId, callId }: { connectorId: string; callId: string | null }) {
  const { db } = usePanelServices();
  const rows = useLiveQuery(() => (callId ? requestsOfHandRun(db, connectorId, callId) : NONE), [db, connectorId, callId]) ?? NONE;
  return (
    <>
      {rows
        .filter((row) => row.kind === 'sampling')
        .map((row) => (
          <SamplingCard key={row.id} row={row} />
        ))}
    </>
  );
}
