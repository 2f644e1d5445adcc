import { auth } from '@modelcontextprotocol/sdk/client/auth.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { challengeAuthOptions } from './challenge-auth-options';
import type { ConnectorOAuthProvider } from './connector-oauth-types';

/**
 * Renews the access token a minute before it ends, so a request does not first fail with 401.
 * Returns `needs-authorization` when the refresh was refused and the SDK fell back to a new
 * authorization request (recorded on the provider, not opened).
 */
export async function refreshIfExpiring(provider: ConnectorOAuthProvider, fetch: FetchLike): Promise<'fresh' | 'needs-authorization'> {
  if (!(await provider.needsRefresh())) return 'fresh';
  const result = await auth(provider, { serverUrl: provider.serverUrl, ...(await challengeAuthOptions(provider)), fetchFn: provider.guardFetch(fetch) });
  return result === 'AUTHORIZED' ? 'fresh' : 'needs-authorization';
}
