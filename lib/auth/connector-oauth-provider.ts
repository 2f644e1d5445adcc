import { extractWWWAuthenticateParams, type OAuthDiscoveryState } from '@modelcontextprotocol/sdk/client/auth.js';
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';
import { checkResourceAllowed, resourceUrlFromServerUrl } from '@modelcontextprotocol/sdk/shared/auth-utils.js';
import { checkReported } from './auth-step';
import type { AuthStep } from '../contract/auth-step';
import { AuthorizationRequests } from './authorization-requests';
import type { ConnectorOAuthOptions, ConnectorOAuthProvider } from './connector-oauth-types';
import { guardedAuthFetch, stopAfterUnsafeUrl } from './guarded-fetch';
import { type ChallengeRecord, ClientRecordSchema, type DiscoveryRecord, DiscoveryRecordSchema, invalidated } from './oauth-store';
import { assertS256 } from './require-s256';
import { randomState } from './random-state';
import { assertMetadataIssuer } from './issuer-guard';
import { bindPreRegistered, preRegisteredClient } from './pre-registered-client';
import { coversScope } from './covers-scope';

/** Refresh this long before the access token's end, so a request never races its expiry. */
const REFRESH_MARGIN_MS = 60_000;

/**
 * The SDK's `OAuthClientProvider` for one connector, over `OAuthStore`. It never opens a
 * window itself: `redirectToAuthorization` only records the request (with its state and code
 * verifier), and whoever decides that the user may be asked — `signIn`, or
 * `withAuthorizationRetry` with an `authorize` function — runs the adapter and comes back with
 * `completeAuthorization`. Refuses servers that do not advertise PKCE S256.
 */
export function createConnectorOAuthProvider(options: ConnectorOAuthOptions): ConnectorOAuthProvider {
  const { connectorId, serverUrl, store } = options;
  let discovery: OAuthDiscoveryState | null = null;
  /** The last challenge seen by this process (the stored one may lag behind its write). */
  let challenge: ChallengeRecord | null = null;
  let redirectUrl = options.adapter.redirectUrl;

  const reportStep = (step: Omit<AuthStep, 'at'>) => options.onStep?.({ at: Date.now(), ...step });
  const requests = new AuthorizationRequests({ connectorId, serverUrl, store, onStep: options.onStep, reportStep, discovery: () => discovery });
  const refuseReported = (step: string, url: string, check: () => unknown) => checkReported(options.onStep, step, url, check);
  /** No PKCE S256, no authorization (see {@link assertS256}). */
  const refuseWithoutS256 = (metadata: OAuthDiscoveryState['authorizationServerMetadata'], url: string) => refuseReported('authorization-request', url, () => assertS256(metadata));
  const currentIssuer = async () => discovery?.authorizationServerUrl ?? (await store.read(connectorId)).discovery?.authorizationServerUrl;
  const defaultResource = resourceUrlFromServerUrl(serverUrl).href;
  /** This process's last challenge, else the stored one (a new worker has not seen any yet). */
  const lastChallenge = async () => challenge ?? (await store.read(connectorId)).challenge;
  /**
   * A cached discovery is used only for the MCP endpoint it was made for, and only while the
   * server's challenge points at the same resource metadata; otherwise the SDK discovers again.
   */
  const discoveryStillValid = async (stored: DiscoveryRecord) => {
    if (stored.serverUrl !== undefined && stored.serverUrl !== serverUrl) return false;
    const named = (await lastChallenge())?.resourceMetadataUrl;
    return named === undefined || named === stored.resourceMetadataUrl;
  };

  const provider: ConnectorOAuthProvider = {
    connectorId,
    serverUrl,
    get redirectUrl() {
      return redirectUrl;
    },
    useFallbackRedirect() {
      const fallback = options.adapter.fallbackRedirectUrl;
      if (!fallback || fallback === redirectUrl) return false;
      redirectUrl = fallback;
      return true;
    },
    clientMetadataUrl: options.clientMetadataUrl,

    get clientMetadata(): OAuthClientMetadata {
      return {
        client_name: 'Patchbay',
        redirect_uris: [redirectUrl],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        ...(options.clientSecret === undefined && options.clientId === undefined ? { token_endpoint_auth_method: 'none' } : {}),
        ...(options.scopes ? { scope: options.scopes } : {}),
      };
    },

    state: () => randomState(),

    async clientInformation() {
      // The spec's order: the user's pre-registered client first; a stored registration (CIMD or
      // dynamic) only when there is none.
      const record = await store.read(connectorId);
      const issuer = await currentIssuer();
      if (options.clientId) return preRegisteredClient({ ...options, clientId: options.clientId }, record, issuer);
      const registered = issuer === undefined ? undefined : record.clients[issuer];
      return registered as OAuthClientInformationMixed | undefined;
    },

    async saveClientInformation(information) {
      // The SDK binds a pre-registered client to the issuer it first worked with. The client
      // itself lives in the connector's settings; only that binding is kept here (no secret).
      if (options.clientId && information.client_id === options.clientId) {
        const { client_id: clientId, issuer: bound } = information;
        if (bound) await store.update(connectorId, (record) => bindPreRegistered(record, clientId, bound)).then(() => options.onClientBound?.(bound));
        return;
      }
      const issuer = information.issuer ?? (await currentIssuer()) ?? new URL(serverUrl).origin;
      const client = ClientRecordSchema.parse(information);
      await store.update(connectorId, (record) => ({ ...record, clients: { ...record.clients, [issuer]: client } }));
      reportStep({ step: 'client-registration', outcome: 'ok', detail: `Client ${client.client_id} for ${issuer}.` });
    },

    async tokens() {
      const record = (await store.read(connectorId)).tokens;
      if (record === null) return undefined;
      // A token is for the resource it was issued for, and only that one.
      if (!checkResourceAllowed({ requestedResource: serverUrl, configuredResource: record.resource })) return undefined;
      // A token known to have ended is not sent: without a refresh token to renew it, the server's
      // 401 then leads to a clear "needs sign-in" rather than whatever it answers to a stale token.
      const expired = record.expiresAt !== null && record.expiresAt <= Date.now();
      if (expired && !record.tokens.refresh_token) return undefined;
      // A refresh cannot widen a token's scope: for a step-up, hide the refresh token so the SDK
      // asks for a new authorization with the scope the server named.
      const wanted = await lastChallenge();
      if (wanted?.insufficientScope && !coversScope(record.tokens.scope, wanted.scope)) {
        const { refresh_token: _hidden, ...rest } = record.tokens;
        return rest as OAuthTokens;
      }
      return record.tokens as OAuthTokens;
    },

    async saveTokens(tokens) {
      const now = Date.now();
      const resource = discovery?.resourceMetadata?.resource ?? defaultResource;
      await store.update(connectorId, (record) => ({
        ...record,
        tokens: { tokens, obtainedAt: now, expiresAt: tokens.expires_in === undefined ? null : now + tokens.expires_in * 1000, resource },
        pending: null,
        challenge: record.challenge && { ...record.challenge, insufficientScope: false },
      }));
      if (challenge) challenge = { ...challenge, insufficientScope: false };
      requests.exchanged();
      reportStep({ step: 'token', outcome: 'ok', detail: `Signed in${tokens.scope ? ` with scope "${tokens.scope}"` : ''}${tokens.expires_in ? `, valid ${tokens.expires_in} s` : ''}.` });
    },

    saveCodeVerifier: (codeVerifier) => requests.saveCodeVerifier(codeVerifier),
    codeVerifier: () => requests.codeVerifier(),
    redirectToAuthorization: (authorizationUrl) => requests.redirectToAuthorization(authorizationUrl),

    async discoveryState() {
      const stored = (await store.read(connectorId)).discovery;
      const usable = stored !== null && (await discoveryStillValid(stored));
      discovery = usable ? (stored as OAuthDiscoveryState) : null;
      return discovery ?? undefined;
    },

    async saveDiscoveryState(state) {
      const previous = (await store.read(connectorId)).discovery;
      if (previous && previous.authorizationServerUrl !== state.authorizationServerUrl) {
        reportStep({ step: 'discovery', url: state.authorizationServerUrl, outcome: 'ok', detail: `The authorization server changed from ${previous.authorizationServerUrl}: its registration and tokens are not used here.` });
      }
      // Refused here already, before any registration with a server Patchbay will not sign in to.
      refuseReported('discovery', state.authorizationServerUrl, () => assertMetadataIssuer(state.authorizationServerUrl, state.authorizationServerMetadata));
      refuseWithoutS256(state.authorizationServerMetadata, state.authorizationServerUrl);
      discovery = state;
      const parsed = DiscoveryRecordSchema.safeParse({ ...state, serverUrl });
      if (parsed.success) await store.update(connectorId, (record) => ({ ...record, discovery: parsed.data }));
      reportStep({ step: 'discovery', url: state.authorizationServerUrl, outcome: 'ok', detail: state.authorizationServerMetadata ? `Authorization server ${state.authorizationServerUrl}.` : `No metadata: default endpoints under ${state.authorizationServerUrl}.` });
    },

    async invalidateCredentials(scope) {
      await store.update(connectorId, (record) => invalidated(record, scope));
      if (scope === 'all' || scope === 'discovery') discovery = null;
    },

    noteChallenge(response) {
      const { resourceMetadataUrl, scope, error } = extractWWWAuthenticateParams(response);
      if (response.status !== 401 && error !== 'insufficient_scope') return;
      challenge = { resourceMetadataUrl: resourceMetadataUrl?.href, scope, insufficientScope: response.status === 403 };
      const noted = challenge;
      void store.update(connectorId, (record) => ({ ...record, challenge: noted })).catch(() => undefined);
    },

    lastChallenge,

    takeAuthorizationRequest: () => requests.takeAuthorizationRequest(),
    completeAuthorization: (redirectedTo) => requests.completeAuthorization(redirectedTo),

    async needsRefresh() {
      const record = (await store.read(connectorId)).tokens;
      return record?.tokens.refresh_token !== undefined && record.expiresAt !== null && record.expiresAt - REFRESH_MARGIN_MS <= Date.now();
    },

    guardFetch: (inner) => stopAfterUnsafeUrl(guardedAuthFetch(inner, options.onStep, { serverUrl })),
    reportStep,
  };
  return provider;
}
