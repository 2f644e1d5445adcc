import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { NeedsAuthorizationError } from '../auth/auth-errors';
import { type AuthorizationAdapter, AuthorizationCancelledError } from '../auth/authorization-adapter';
import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import { createConnectorOAuthProvider, isConnectorOAuthProvider } from '../auth/connector-oauth-provider';
import { createMachineOAuthProvider } from '../auth/machine-oauth-provider';
import type { OAuthStore } from '../auth/oauth-store';
import { signIn } from '../auth/sign-in';
import { signOut } from '../auth/sign-out';
import { authorizedRequester } from '../auth/with-authorization-retry';
import type { ConnectorRow } from '../db/rows';
import type { AuthStepView, ConnectorAuth } from './connector-auth';
import type { ConnectorSecretsStore } from './connector-secrets';

/** Steps kept per connector for the auth debugger: the last flow, and a little before it. */
const MAX_STEPS = 60;

/**
 * OAuth for the hub's connectors over `lib/auth`: one provider per connector (rebuilt when its
 * URL or client settings change), the tokens in {@link OAuthStore}, and the steps of the last
 * flow kept for the auth debugger.
 */
export function createConnectorAuth(deps: { store: OAuthStore; secrets: ConnectorSecretsStore; adapter: AuthorizationAdapter }): ConnectorAuth {
  const providers = new Map<string, { key: string; provider: OAuthClientProvider }>();
  const steps = new Map<string, AuthStepView[]>();
  const record = (connectorId: string, step: AuthStepView) => steps.set(connectorId, [...(steps.get(connectorId) ?? []), step].slice(-MAX_STEPS));

  const isMachine = async (row: ConnectorRow) => (await deps.secrets.read(row.id)).oauth?.grant === 'client_credentials';

  async function provider(row: ConnectorRow): Promise<OAuthClientProvider> {
    const oauth = (await deps.secrets.read(row.id)).oauth ?? {};
    const key = JSON.stringify([row.url, oauth.clientId, oauth.clientSecret, oauth.scopes, oauth.grant, oauth.issuer]);
    const cached = providers.get(row.id);
    if (cached?.key === key) return cached.provider;
    const created = oauth.grant === 'client_credentials'
      ? createMachineOAuthProvider({ clientId: oauth.clientId ?? '', clientSecret: oauth.clientSecret, scope: oauth.scopes, expectedIssuer: oauth.issuer })
      : createConnectorOAuthProvider({
      connectorId: row.id,
      serverUrl: row.url,
      store: deps.store,
      adapter: deps.adapter,
      clientId: oauth.clientId,
      clientSecret: oauth.clientSecret,
      scopes: oauth.scopes,
          onStep: (step) => record(row.id, step),
        });
    providers.set(row.id, { key, provider: created });
    return created;
  }

  return {
    providerFor: async (row) => (row.auth === 'oauth' ? provider(row) : undefined),
    needsSignIn: async (row, error) =>
      row.auth === 'oauth' &&
      !(await isMachine(row)) &&
      (error instanceof NeedsAuthorizationError || error instanceof AuthorizationCancelledError || error instanceof UnauthorizedError),
    authorize: (url) => deps.adapter.authorize(url),
    async runAuthorized(row, transport, fetch, interactive, request) {
      if (row.auth !== 'oauth') return request();
      const authorize = interactive ? (url: URL) => deps.adapter.authorize(url) : undefined;
      return authorizedRequester(transport, { provider: await provider(row), authorize, fetch })(request);
    },
    async signIn(row, fetch) {
      steps.delete(row.id);
      const user = await provider(row);
      if (!isConnectorOAuthProvider(user)) throw new Error(`${row.label} signs in as a machine (client credentials); there is no user sign-in.`);
      try {
        await signIn(user, { serverUrl: row.url, fetch, adapter: deps.adapter });
        return 'signed-in';
      } catch (error) {
        if (error instanceof AuthorizationCancelledError) return 'cancelled';
        throw error;
      }
    },
    async signOut(row, fetch) {
      await signOut({ connectorId: row.id, store: deps.store, fetch, onStep: (step) => record(row.id, step) });
      providers.delete(row.id);
    },
    steps: (connectorId) => steps.get(connectorId) ?? [],
    async forget(connectorId) {
      providers.delete(connectorId);
      steps.delete(connectorId);
      await deps.store.clear(connectorId);
    },
  };
}
