import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import { NeedsAuthorizationError } from '../../auth/auth-errors';
import { type AuthorizationAdapter, AuthorizationCancelledError } from '../../auth/authorization-adapter';
import { createConnectorOAuthProvider } from '../../auth/connector-oauth-provider';
import { isConnectorOAuthProvider } from '../../auth/connector-oauth-types';
import { DEFAULT_KEY_ALGORITHM } from '../../contract/key-algorithms';
import { createMachineOAuthProvider } from '../../auth/machine-oauth-provider';
import type { OAuthStore } from '../../auth/oauth-store';
import { signIn } from '../../auth/sign-in';
import { signOut } from '../../auth/sign-out';
import { authorizedRequester } from '../../auth/with-authorization-retry';
import type { ConnectorRow } from '../../db/rows';
import { createAuthStepLog } from './auth-step-log';
import type { ConnectorAuth } from './connector-auth';
import { isClientMetadataUrl } from '../../contract/connector-oauth-draft';
import type { ConnectorSecrets, ConnectorSecretsStore } from '../connectors/connector-secrets';
import { scrubDeep, urlSecrets } from '../redaction/url-credentials';

type OAuthSettings = NonNullable<ConnectorSecrets['oauth']>;

/**
 * OAuth for the hub's connectors over `lib/auth`: one provider per connector (rebuilt when its
 * URL or client settings change), the tokens in {@link OAuthStore}, and the steps of the last
 * flow kept — in the same store, so a worker restart does not lose them — for the auth debugger.
 */
export function createConnectorAuth(deps: { store: OAuthStore; secrets: ConnectorSecretsStore; adapter: AuthorizationAdapter }): ConnectorAuth {
  const providers = new Map<string, { key: string; provider: OAuthClientProvider }>();
  const log = createAuthStepLog(deps.store);

  const isMachine = async (row: ConnectorRow) => (await deps.secrets.read(row.id)).oauth?.grant === 'client_credentials';

  async function provider(row: ConnectorRow): Promise<OAuthClientProvider> {
    const oauth = (await deps.secrets.read(row.id)).oauth ?? {};
    const key = JSON.stringify([row.url, oauth.clientId, oauth.clientSecret, oauth.scopes, oauth.grant, oauth.issuer, oauth.clientMetadataUrl, oauth.privateKeyPem, oauth.keyAlgorithm]);
    const cached = providers.get(row.id);
    if (cached?.key === key) return cached.provider;
    await forgetOtherClients(row.id, oauth);
    const created = oauth.grant === 'client_credentials' ? machineProvider(oauth) : userProvider(row, oauth);
    providers.set(row.id, { key, provider: created });
    return created;
  }

  /** Registrations and tokens belong to the client they were made with: a new client starts over. */
  async function forgetOtherClients(connectorId: string, oauth: OAuthSettings): Promise<void> {
    const clientKey = await digest(JSON.stringify([oauth.grant ?? 'authorization_code', oauth.clientId, oauth.clientSecret, oauth.clientMetadataUrl, oauth.privateKeyPem, oauth.keyAlgorithm]));
    const before = (await deps.store.read(connectorId)).clientKey;
    if (before === clientKey) return;
    await deps.store.update(connectorId, (record) => (before === null ? { ...record, clientKey } : { ...record, clientKey, clients: {}, tokens: null, pending: null }));
    if (before !== null) log.record(connectorId, { at: Date.now(), step: 'client-registration', outcome: 'skipped', detail: 'The client settings changed: the registrations and tokens of the old client are forgotten.' });
  }

  const preRegistered = (connectorId: string) => preRegisteredOf(deps.secrets, connectorId);

  function machineProvider(oauth: OAuthSettings): OAuthClientProvider {
    const common = { clientId: oauth.clientId ?? '', scope: oauth.scopes, expectedIssuer: oauth.issuer };
    // A private key, when given, replaces the secret: private_key_jwt (RFC 7523).
    return oauth.privateKeyPem
      ? createMachineOAuthProvider({ ...common, privateKeyPem: oauth.privateKeyPem, algorithm: oauth.keyAlgorithm ?? DEFAULT_KEY_ALGORITHM })
      : createMachineOAuthProvider({ ...common, clientSecret: oauth.clientSecret });
  }

  function userProvider(row: ConnectorRow, oauth: OAuthSettings): OAuthClientProvider {
    return createConnectorOAuthProvider({
      connectorId: row.id,
      serverUrl: row.url,
      store: deps.store,
      adapter: deps.adapter,
      clientId: oauth.clientId,
      clientSecret: oauth.clientSecret,
      // A pre-registered client goes only to its issuer: the one named, else the first it signs in
      // with, kept beside the client (a URL edit or sign-out forgets tokens, not this binding).
      clientIssuer: oauth.clientId ? oauth.issuer : undefined,
      onClientBound: (issuer) => bindClientIssuer(row.id, oauth.clientId, issuer),
      scopes: oauth.scopes,
      // The SDK uses it only where the server advertises client_id_metadata_document_supported.
      clientMetadataUrl: oauth.clientMetadataUrl && isClientMetadataUrl(oauth.clientMetadataUrl) ? oauth.clientMetadataUrl : undefined,
      // The SDK copies the connector URL's query into discovery URLs: the steps shown to the user are scrubbed.
      onStep: (step) => log.record(row.id, scrubDeep(step, urlSecrets(row.url))),
    });
  }

  async function bindClientIssuer(connectorId: string, clientId: string | undefined, issuer: string): Promise<void> {
    const current = await deps.secrets.read(connectorId);
    if (!current.oauth || current.oauth.clientId !== clientId || current.oauth.issuer) return;
    await deps.secrets.write(connectorId, { ...current, oauth: { ...current.oauth, issuer } });
  }

  return {
    providerFor: async (row) => (row.auth === 'oauth' ? provider(row) : undefined),
    needsSignIn: async (row, error) =>
      row.auth === 'oauth' &&
      !(await isMachine(row)) &&
      (error instanceof NeedsAuthorizationError || error instanceof AuthorizationCancelledError || error instanceof UnauthorizedError),
    async runAuthorized(row, { transport, fetch, interactive }, request) {
      if (row.auth !== 'oauth') return request();
      const authorize = interactive ? (url: URL) => deps.adapter.authorize(url) : undefined;
      return authorizedRequester(transport, { provider: await provider(row), authorize, fetch })(request);
    },
    async signIn(row, fetch) {
      log.startFlow(row.id);
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
      await signOut({ connectorId: row.id, store: deps.store, fetch, serverUrl: row.url, preRegistered: await preRegistered(row.id), onStep: (step) => log.record(row.id, scrubDeep(step, urlSecrets(row.url))) });
      providers.delete(row.id);
    },
    steps: (connectorId) => log.steps(connectorId),
    loadSteps: (connectorId) => log.load(connectorId),
    async forget(connectorId, options) {
      providers.delete(connectorId);
      // Revoked before anything is forgotten: the tokens, the registration and the client's own secret are needed to.
      const outcome = options?.revokeWith ? (await signOut({ connectorId, store: deps.store, fetch: options.revokeWith, preRegistered: await preRegistered(connectorId) })).outcome : undefined;
      log.forget(connectorId);
      await deps.store.clear(connectorId);
      return outcome ?? { type: 'no-tokens' };
    },
  };
}

/** A user client the connector's settings hold (a machine client's tokens never reach the store). */
async function preRegisteredOf(secrets: ConnectorSecretsStore, connectorId: string) {
  const oauth = (await secrets.read(connectorId)).oauth;
  return oauth?.clientId && oauth.grant !== 'client_credentials' ? { clientId: oauth.clientId, clientSecret: oauth.clientSecret } : undefined;
}

async function digest(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
