import type { ConnectorRow } from '../../db/rows';
import type { OpenConnection } from '../transport/open-connection';

/**
 * What a new (or resumed) connection leaves in the connector's row, so the next worker can resume
 * the same session: its id, protocol, the last event id of its stream, and what the server said
 * about itself. `latestEventId` is what this connection's own stream has sent so far.
 */
export function sessionPatch({ client, transport, protocol, protocolVersion: negotiated, resumed }: OpenConnection, row: ConnectorRow, latestEventId: string | null): Partial<ConnectorRow> {
  const sessionId = (transport as { sessionId?: string }).sessionId ?? null;
  const protocolVersion = negotiated ?? row.protocolVersion;
  // Event ids belong to a session: a new session starts from the ids its own stream sent.
  const lastEventId = latestEventId ?? (resumed ? (row.lastEventId ?? null) : null);
  const patch: Partial<ConnectorRow> = { sessionId, protocolVersion: protocolVersion ?? null, transportUsed: protocol, lastEventId };
  const capabilities = client.getServerCapabilities();
  const serverInfo = client.getServerVersion();
  if (capabilities) patch.capabilities = capabilities;
  if (serverInfo) patch.serverInfo = serverInfo;
  // Only a handshake says what the instructions are: a resumed session keeps the stored ones.
  if (!resumed) patch.instructions = client.getInstructions() ?? null;
  return patch;
}
