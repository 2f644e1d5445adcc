import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { ConnectorRow } from '../../db/rows';
import type { ConnectorSessionDeps } from './connector-session-deps';
import { createMcpClient } from './create-mcp-client';
import { withFreshRequestIds } from './fresh-request-ids';
import type { EventIdTracker } from '../transport/event-id-tracker';
import { openConnection, type OpenConnection } from '../transport/open-connection';
import { WireRecorder } from '../protocol-log/wire-recorder';

/** One connect attempt of a session: the row as it was when the attempt began, and what it wires in. */
export interface DialOptions {
  row: ConnectorRow;
  deps: Pick<ConnectorSessionDeps, 'fetch' | 'record' | 'auth'>;
  /** The credentials to send, read just before the attempt. */
  headers: Record<string, string>;
  /** Aborts every fetch of the attempt and of the connection it opens. */
  lifetime: AbortSignal;
  /** Notes the ids of the GET stream's events, to resume it after a restart. */
  eventIds: EventIdTracker;
  /** Sets the session's handlers on the fresh client. */
  prepareClient(client: Client): Client;
}

/**
 * Opens a connection for the connector: resumes the persisted session when the row names one,
 * records every frame (redacting the connector's own header names and URL secrets) and lets
 * OAuth attach tokens. It never opens a sign-in window: a connect that needs one fails, and the
 * session shows needs-auth.
 */
export async function dialConnector({ row, deps, headers, lifetime, eventIds, prepareClient }: DialOptions): Promise<OpenConnection> {
  // The connector's own header names are secrets too: the recorder redacts them.
  const recorder = new WireRecorder((event) => deps.record(row.id, event), Object.keys(headers), row.url);
  const connection = await openConnection({
    url: row.url,
    transport: row.transport,
    fetch: recorder.wrapFetch((url, init) => deps.fetch(url, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, lifetime]) : lifetime })),
    headers,
    resume:
      row.sessionId && row.protocolVersion && row.transportUsed
        ? { protocol: row.transportUsed, sessionId: row.sessionId, protocolVersion: row.protocolVersion, lastEventId: row.lastEventId ?? null }
        : null,
    onEventId: (id) => eventIds.note(id),
    // No `authorize` here: a connect never opens a sign-in window; it ends in needs-auth.
    authProvider: await deps.auth?.providerFor(row),
    createClient: () => prepareClient(withFreshRequestIds(createMcpClient())),
    prepareTransport: (transport: Transport) => recorder.wrapTransport(transport),
  });
  await resendLogLevel(connection, row);
  return connection;
}

/**
 * The level the user chose for this server, sent to every new (or resumed) session: the spec keeps
 * it per session. A refusal does not fail the connect; its frames are in the protocol log.
 */
async function resendLogLevel({ client }: OpenConnection, row: ConnectorRow): Promise<void> {
  const declared = client.getServerCapabilities()?.logging ?? row.capabilities?.logging;
  if (!row.logLevel || !declared) return;
  await client.setLoggingLevel(row.logLevel).catch(() => undefined);
}
