import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { AuthStep } from '../contract/auth-step';
import type { AuthorizationAdapter } from './authorization-adapter';
import type { ChallengeRecord, OAuthStore } from './oauth-store';

/** What one connector's user sign-in is made of: where tokens go, where they are kept, which client to be. */
export interface ConnectorOAuthOptions {
  connectorId: string;
  /** The MCP endpoint: tokens are sent only to it (and its resource). */
  serverUrl: string;
  store: OAuthStore;
  adapter: AuthorizationAdapter;
  /** A client the user registered by hand; used before CIMD and dynamic registration. */
  clientId?: string;
  clientSecret?: string;
  /** The issuer that client belongs to, if known (else the first it signs in with, then `onClientBound`). */
  clientIssuer?: string;
  onClientBound?(issuer: string): Promise<void>;
  /** Scopes to ask for when neither the challenge nor the metadata names any. */
  scopes?: string;
  /** An https URL of this client's metadata document (CIMD), used where the server supports it. */
  clientMetadataUrl?: string;
  onStep?(step: AuthStep): void;
}

/** How the SDK sees the provider, plus what `signIn` and the retry wrapper need from it. */
export interface ConnectorOAuthProvider extends OAuthClientProvider {
  readonly connectorId: string;
  readonly serverUrl: string;
  readonly redirectUrl: string;
  /**
   * Switches to the adapter's fallback redirect URI (for a server that refused the first at
   * registration); false when there is none or it is already in use.
   */
  useFallbackRedirect(): boolean;
  /** The authorization URL the SDK asked to open since the last call, if any (and forgets it). */
  takeAuthorizationRequest(): URL | null;
  /** Checks the redirect (state, iss, error) against the request it answers; returns the code. */
  completeAuthorization(redirectedTo: URL): Promise<string>;
  /** True when the access token ends within a minute and a refresh token can renew it. */
  needsRefresh(): Promise<boolean>;
  /** Wraps a fetch for the flow's own requests: URL safety hop by hop, each one reported. */
  guardFetch(inner: FetchLike): FetchLike;
  reportStep(step: Omit<AuthStep, 'at'>): void;
  /**
   * Remembers what a 401 or 403 `insufficient_scope` from the MCP server said in
   * `WWW-Authenticate` (resource metadata URL, scope), so a later Sign in uses them.
   */
  noteChallenge(response: Response): void;
  /** The last challenge noted for this connector, if any. */
  lastChallenge(): Promise<ChallengeRecord | null>;
}

/** True for a provider made by `createConnectorOAuthProvider` (machine providers are not). */
export function isConnectorOAuthProvider(provider: OAuthClientProvider | undefined): provider is ConnectorOAuthProvider {
  return typeof (provider as Partial<ConnectorOAuthProvider> | undefined)?.takeAuthorizationRequest === 'function';
}
