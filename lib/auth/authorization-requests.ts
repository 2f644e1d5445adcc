import type { OAuthDiscoveryState } from '@modelcontextprotocol/sdk/client/auth.js';
import { OAuthFlowError } from './auth-errors';
import { checkReported, type AuthStepListener } from './auth-step';
import type { AuthStep } from '../contract/auth-step';
import { codeFromAuthorizationResponse } from './authorization-response';
import type { OAuthStore, PendingAuthorization } from './oauth-store';
import { assertS256 } from './require-s256';
import { assertOpenableAuthorizationUrl, assertSafeAuthUrl } from './safe-auth-url';

/** Authorization requests remembered per provider (a 401 on a stream and on a request may overlap). */
const MAX_OPEN_REQUESTS = 4;

/** What the requests share with the provider that owns them: its connector, store, step log and discovery. */
export interface AuthorizationRequestsOptions {
  connectorId: string;
  /** The MCP endpoint: a remote server's window may not point at this machine. */
  serverUrl: string;
  store: OAuthStore;
  onStep?: AuthStepListener;
  reportStep(step: Omit<AuthStep, 'at'>): void;
  /** The discovery the provider works with now: its metadata says whether `iss` is required. */
  discovery(): OAuthDiscoveryState | null;
}

/**
 * The provider's authorization requests: each one the SDK asks to open is recorded (with its
 * state and PKCE verifier) in memory and in the store, and a redirect is checked against the
 * request it answers before its code is handed out. Nothing here opens a window.
 */
export class AuthorizationRequests {
  /** Requests made by this process, by state: a response is checked against the one it answers. */
  private readonly requests = new Map<string, PendingAuthorization>();
  private latestRequest: URL | null = null;
  private lastVerifier: string | null = null;
  /** The request whose code is being exchanged: its verifier goes with the code. */
  private completing: PendingAuthorization | null = null;

  constructor(private readonly options: AuthorizationRequestsOptions) {}

  saveCodeVerifier(codeVerifier: string): void {
    // Kept in memory until redirectToAuthorization bundles it with the request it belongs to.
    this.lastVerifier = codeVerifier;
  }

  async codeVerifier(): Promise<string> {
    const verifier = this.completing?.codeVerifier ?? (await this.options.store.read(this.options.connectorId)).pending?.codeVerifier;
    if (!verifier) throw new OAuthFlowError('missing-code', 'token', 'No PKCE code verifier is stored for this sign-in.');
    return verifier;
  }

  async redirectToAuthorization(authorizationUrl: URL): Promise<void> {
    const { connectorId, serverUrl, store, reportStep } = this.options;
    const refuseReported = (check: () => unknown) => checkReported(this.options.onStep, 'authorization-request', authorizationUrl.href, check);
    assertOpenableAuthorizationUrl(authorizationUrl);
    // The window is a request too: never to a metadata or link-local address, nor, for a remote server, to this machine.
    refuseReported(() => assertSafeAuthUrl(authorizationUrl, 'authorization-request', { serverUrl }));
    const discovery = this.options.discovery();
    const metadata = discovery?.authorizationServerMetadata;
    // No PKCE S256, no authorization (see `assertS256`).
    refuseReported(() => assertS256(metadata));
    const state = authorizationUrl.searchParams.get('state');
    if (!state || !this.lastVerifier) throw new OAuthFlowError('state-mismatch', 'authorization-request', 'The authorization request has no state or code verifier.');
    const pending: PendingAuthorization = {
      authorizationUrl: authorizationUrl.href,
      state,
      codeVerifier: this.lastVerifier,
      authorizationServerUrl: discovery?.authorizationServerUrl ?? null,
      metadataIssuer: metadata?.issuer ?? null,
      issRequired: (metadata as { authorization_response_iss_parameter_supported?: boolean } | undefined)?.authorization_response_iss_parameter_supported === true,
      createdAt: Date.now(),
    };
    this.requests.set(state, pending);
    // Only the latest few can still be answered; older windows are long closed.
    for (const stale of [...this.requests.keys()].slice(0, -MAX_OPEN_REQUESTS)) this.requests.delete(stale);
    this.latestRequest = authorizationUrl;
    await store.update(connectorId, (record) => ({ ...record, pending }));
    reportStep({ step: 'authorization-request', url: authorizationUrl.href, outcome: 'ok', detail: `Scope: ${authorizationUrl.searchParams.get('scope') ?? '(none)'}.` });
  }

  /** The authorization URL the SDK asked to open since the last call, if any (and forgets it). */
  takeAuthorizationRequest(): URL | null {
    const url = this.latestRequest;
    this.latestRequest = null;
    return url;
  }

  /** Checks the redirect (state, iss, error) against the request it answers; returns the code. */
  async completeAuthorization(redirectedTo: URL): Promise<string> {
    const state = redirectedTo.searchParams.get('state') ?? '';
    const stored = (await this.options.store.read(this.options.connectorId)).pending;
    const pending = this.requests.get(state) ?? (stored?.state === state ? stored : null);
    try {
      const code = codeFromAuthorizationResponse(redirectedTo, pending ?? stored);
      this.requests.delete(state);
      this.completing = pending;
      this.options.reportStep({ step: 'authorization-response', outcome: 'ok', detail: 'Code received; state (and iss) checked.' });
      return code;
    } catch (error) {
      this.options.reportStep({ step: 'authorization-response', outcome: 'failed', detail: (error as Error).message });
      throw error;
    }
  }

  /** The tokens arrived: the exchange that used `completing` is over. */
  exchanged(): void {
    this.completing = null;
  }
}
