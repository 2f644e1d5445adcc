import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { AuthStepListener } from './auth-step';
import { guardedAuthFetch } from './guarded-fetch';
import type { OAuthStore } from './oauth-store';

export interface SignOutOptions {
  connectorId: string;
  store: OAuthStore;
  fetch: FetchLike;
  onStep?: AuthStepListener;
  /** The connector's MCP endpoint: a remote one's revocation endpoint may not be on this machine. */
  serverUrl?: string;
}

/**
 * The Sign out button: revokes the refresh and access tokens (RFC 7009) where the server
 * advertises a revocation endpoint, then forgets everything stored for the connector. A failed
 * revocation is reported but does not keep the tokens: the user asked for them to be gone.
 */
export async function signOut(options: SignOutOptions): Promise<{ revoked: boolean }> {
  const record = await options.store.read(options.connectorId);
  const endpoint = record.discovery?.authorizationServerMetadata?.revocation_endpoint;
  let revoked = false;
  if (record.tokens !== null && typeof endpoint === 'string') {
    const issuer = record.discovery?.authorizationServerUrl;
    const client = issuer === undefined ? undefined : record.clients[issuer];
    const fetch = guardedAuthFetch(options.fetch, options.onStep, { serverUrl: options.serverUrl });
    const { refresh_token: refreshToken, access_token: accessToken } = record.tokens.tokens;
    const tokens: [string, string][] = refreshToken ? [[refreshToken, 'refresh_token'], [accessToken, 'access_token']] : [[accessToken, 'access_token']];
    revoked = true;
    for (const [token, hint] of tokens) {
      const body = new URLSearchParams({ token, token_type_hint: hint });
      const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded' });
      if (client?.client_secret) headers.set('authorization', `Basic ${btoa(`${encodeURIComponent(client.client_id)}:${encodeURIComponent(client.client_secret)}`)}`);
      else if (client) body.set('client_id', client.client_id);
      const ok = await fetch(endpoint, { method: 'POST', headers, body: body.toString() }).then((response) => response.ok, () => false);
      revoked &&= ok;
    }
  }
  await options.store.clear(options.connectorId);
  options.onStep?.({ at: Date.now(), step: 'sign-out', outcome: 'ok', detail: revoked ? 'Tokens revoked and deleted.' : 'Tokens deleted (the server offers no revocation, or it failed).' });
  return { revoked };
}
