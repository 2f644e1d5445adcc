import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { AuthorizationAdapter } from '../../../lib/auth/authorization-adapter';
import { createFetchAuthorizationAdapter } from '../../../lib/auth/fetch-authorization-adapter';
import { memoryArea, OAuthStore } from '../../../lib/auth/oauth-store';
import { openDatabase } from '../../../lib/db/open-database';
import { ConnectorsRepository } from '../../../lib/db/repositories/connectors-repository';
import { ConnectorHub } from '../../../lib/mcp/connector-hub';
import { ConnectorSecretsStore } from '../../../lib/mcp/connectors/connector-secrets';
import type { ConnectorStatus } from '../../../lib/contract/connector-status';
import { createConnectorAuth } from '../../../lib/mcp/auth/create-connector-auth';
import { saveConnector } from '../../../lib/mcp/connectors/save-connector';

let databases = 0;

/**
 * A real ConnectorHub with real OAuth (`createConnectorAuth`) over a fake server's fetch, its
 * sign-in windows run by the fetch adapter (each one counted), for one OAuth connector.
 */
export async function hubWithOAuth(fetch: FetchLike, url = 'https://mcp.example/mcp') {
  const db = await openDatabase(`patchbay-hub-oauth-${++databases}-${Date.now()}`);
  const connectors = new ConnectorsRepository(db);
  const secrets = new ConnectorSecretsStore(memoryArea());
  const store = new OAuthStore(memoryArea());
  const inner = createFetchAuthorizationAdapter({ redirectUrl: 'https://ext.example/oauth', fetch });
  /** Every URL a sign-in window was opened on. */
  const windows: URL[] = [];
  const adapter: AuthorizationAdapter = { redirectUrl: inner.redirectUrl, authorize: (url) => (windows.push(url), inner.authorize(url)) };
  const statuses: ConnectorStatus[] = [];
  const hub = new ConnectorHub({
    connectors,
    secrets,
    fetch,
    hasHostPermission: async () => true,
    record: () => undefined,
    onStatus: (_id, status) => void statuses.push(status),
    syncOriginRules: async () => undefined,
    auth: createConnectorAuth({ store, secrets, adapter }),
  });
  const saved = await saveConnector({ label: 'Acme', url, transport: 'streamable-http', auth: 'oauth', timeoutSeconds: 30, omitOrigin: false }, connectors, secrets);
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  const waitForState = async (state: ConnectorStatus['state']) => {
    for (const deadline = Date.now() + 10_000; statuses.at(-1)?.state !== state; ) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${state}; last ${JSON.stringify(statuses.at(-1))}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  const close = async () => {
    await hub.close();
    db.close();
  };
  return { hub, id: saved.id, store, windows, statuses, waitForState, close };
}

/** {@link hubWithOAuth}, started and signed in through one window: the connector is connected. */
export async function signedInHubWithOAuth(fetch: FetchLike) {
  const harness = await hubWithOAuth(fetch);
  try {
    await harness.hub.start();
    await harness.waitForState('needs-auth');
    const outcome = await harness.hub.signIn(harness.id);
    if (outcome !== 'signed-in') throw new Error(`The sign-in ended ${outcome}.`);
    await harness.waitForState('connected');
    return harness;
  } catch (error) {
    await harness.close();
    throw error;
  }
}
