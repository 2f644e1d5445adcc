import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { AuthStepListener } from './auth-step';
import { guardedAuthFetch } from './guarded-fetch';
import type { OAuthStore } from './oauth-store';
import { revokeTokens, type RevocationOutcome, type RevokeTokensOptions } from './revoke-tokens';

export interface SignOutOptions {
  connectorId: string;
  store: OAuthStore;
  fetch: FetchLike;
  onStep?: AuthStepListener;
  /** The user's pre-registered client, which authenticates the revocation (it is not a stored registration). */
  preRegistered?: RevokeTokensOptions['preRegistered'];
  /** The connector's MCP endpoint: a remote one's revocation endpoint may not be on this machine. */
  serverUrl?: string;
}

/**
 * The Sign out button, and the first half of removing a connector: revokes the refresh and access
 * tokens (RFC 7009) where the server advertises a revocation endpoint, then forgets everything
 * stored for the connector. A failed revocation is reported but does not keep the tokens: the
 * user asked for them to be gone.
 */
export async function signOut(options: SignOutOptions): Promise<{ revoked: boolean; outcome: RevocationOutcome }> {
  const record = await options.store.read(options.connectorId);
  const outcome = await revokeTokens({ record, preRegistered: options.preRegistered, fetch: guardedAuthFetch(options.fetch, options.onStep, { serverUrl: options.serverUrl }) });
  await options.store.clear(options.connectorId);
  options.onStep?.({ at: Date.now(), step: 'sign-out', outcome: outcome.type === 'failed' ? 'failed' : 'ok', detail: signOutDetail(outcome) });
  return { revoked: outcome.type === 'revoked', outcome };
}

function signOutDetail(outcome: RevocationOutcome): string {
  switch (outcome.type) {
    case 'revoked':
      return 'Tokens revoked and deleted.';
    case 'no-tokens':
      return 'No tokens were stored; nothing to revoke.';
    case 'not-offered':
      return 'Tokens deleted (the server offers no revocation).';
    case 'failed':
      return `Tokens deleted; the revocation failed: ${outcome.reason}`;
  }
}
