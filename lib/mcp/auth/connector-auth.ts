import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import type { FetchLike, Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { AuthStep } from '../../contract/auth-step';
import type { RevocationOutcome } from '../../auth/revoke-tokens';
import type { ConnectorRow } from '../../db/rows';

/** One step of an OAuth flow, as the auth debugger shows it. */
export type AuthStepView = AuthStep;

/**
 * What a session needs to speak OAuth for its connector. Kept behind this interface so the hub
 * runs the same with or without the browser's identity API (tests pass a fake).
 */
export interface ConnectorAuth {
  /** The SDK provider for an `oauth` connector (it attaches and refreshes tokens); else undefined. */
  providerFor(row: ConnectorRow): Promise<OAuthClientProvider | undefined>;
  /** Whether a connect or request failure means the user must sign in (never for a machine connector). */
  needsSignIn(row: ConnectorRow, error: unknown): Promise<boolean>;
  /**
   * Runs a request of a live connection so that a 401 or a step-up 403 signs in on the same
   * transport and retries (interactively only when the user started the request).
   */
  runAuthorized<T>(row: ConnectorRow, on: { transport: Transport; fetch: FetchLike; interactive: boolean }, request: () => Promise<T>): Promise<T>;
  /** The interactive sign-in; a closed window is `cancelled`, not an error. */
  signIn(row: ConnectorRow, fetch: FetchLike): Promise<'signed-in' | 'cancelled'>;
  /** Revokes where the server supports it, and forgets the tokens either way. */
  signOut(row: ConnectorRow, fetch: FetchLike): Promise<void>;
  /** The steps of the last flow for this connector, as far as this worker has read them. */
  steps(connectorId: string): AuthStepView[];
  /** The same, once the steps a previous worker stored are read back (prefer it after a restart). */
  loadSteps?(connectorId: string): Promise<AuthStepView[]>;
  /**
   * Forgets everything about a removed (or re-pointed) connector. With `revokeWith`, first revokes
   * its tokens where the server offers it (RFC 7009); a failure is returned, never thrown.
   */
  forget(connectorId: string, options?: { revokeWith?: FetchLike }): Promise<RevocationOutcome>;
}
