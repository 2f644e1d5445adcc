import { ServerRequestList } from './ServerRequestCard';
import { useHandRunRequests } from './useServerRequests';

/** The requests a hand run caused, in its Run dialog. */
export function HandRunRequests({ connectorId, callId }: { connectorId: string; callId: string | null }) {
  const rows = useHandRunRequests(connectorId, callId);
  return (
    <div className="run-requests">
      <ServerRequestList rows={rows} label="Requests from the server" />
    </div>
  );
}
