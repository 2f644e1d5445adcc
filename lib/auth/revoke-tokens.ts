import { selectClientAuthMethod } from '@modelcontextprotocol/sdk/client/auth.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { ConnectorOAuthRecord } from './oauth-store';

/**
 * How a revocation went. Closed: sign-out and removal report each case (and log `failed`), and
 * none of them keeps the tokens — the user asked for them to be gone either way.
 */
export type RevocationOutcome =
  | { type: 'revoked' }
  /** Nothing to revoke: never signed in, or already signed out. */
  | { type: 'no-tokens' }
  /** The authorization server's metadata has no `revocation_endpoint` (RFC 7009 is optional). */
  | { type: 'not-offered' }
  | { type: 'failed'; reason: string };

/** A client as the revocation request authenticates it: the registration, or the user's own. */
export interface RevocationClient {
  client_id: string;
  client_secret?: string;
  /** How the client was registered to authenticate (RFC 7591), when the registration said. */
  token_endpoint_auth_method?: string;
}

export interface RevokeTokensOptions {
  record: ConnectorOAuthRecord;
  /** The pre-registered client from the connector's settings; it is not among the stored registrations. */
  preRegistered?: { clientId?: string; clientSecret?: string };
  /** Already guarded (URL safety hop by hop), as every request of the OAuth flow is. */
  fetch: FetchLike;
}

/**
 * Revokes a connector's refresh token, then its access token (RFC 7009): a POST of `token` and
 * `token_type_hint` to the server's `revocation_endpoint`, the client authenticated the way it was
 * registered (the SDK's own choice among what the server supports for revocation). The token only
 * ever goes to the authorization server that issued it: an endpoint on another origin is refused.
 */
export async function revokeTokens(options: RevokeTokensOptions): Promise<RevocationOutcome> {
  const { record } = options;
  if (record.tokens === null) return { type: 'no-tokens' };
  const metadata = record.discovery?.authorizationServerMetadata ?? {};
  const endpoint = metadata.revocation_endpoint;
  if (typeof endpoint !== 'string') return { type: 'not-offered' };
  const issuer = record.discovery?.authorizationServerUrl;
  const target = safeEndpoint(endpoint, typeof metadata.issuer === 'string' ? metadata.issuer : issuer);
  if (typeof target === 'object') return target;
  const client = clientFor(options, issuer);
  const { refresh_token: refreshToken, access_token: accessToken } = record.tokens.tokens;
  const tokens: [string, string][] = refreshToken ? [[refreshToken, 'refresh_token'], [accessToken, 'access_token']] : [[accessToken, 'access_token']];
  const failures: string[] = [];
  for (const [token, hint] of tokens) {
    const body = new URLSearchParams({ token, token_type_hint: hint });
    const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded' });
    if (client) authenticate(client, supportedMethods(metadata), headers, body);
    try {
      const response = await options.fetch(target, { method: 'POST', headers, body: body.toString() });
      await response.body?.cancel().catch(() => undefined);
      if (!response.ok) failures.push(`${hint}: HTTP ${response.status}`);
    } catch (error) {
      failures.push(`${hint}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return failures.length === 0 ? { type: 'revoked' } : { type: 'failed', reason: `The revocation endpoint ${target} refused or failed (${failures.join('; ')}).` };
}

/** The endpoint, if it is on the issuer's origin; else why it is refused. */
function safeEndpoint(endpoint: string, issuer: string | undefined): string | RevocationOutcome {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return { type: 'failed', reason: `The revocation endpoint ${JSON.stringify(endpoint)} is not a URL.` };
  }
  const origin = issuer === undefined ? null : URL.canParse(issuer) ? new URL(issuer).origin : null;
  if (origin !== url.origin) return { type: 'failed', reason: `The revocation endpoint ${url.href} is not on the authorization server's origin (${origin ?? 'unknown'}); the tokens were not sent there.` };
  return url.href;
}

function clientFor(options: RevokeTokensOptions, issuer: string | undefined): RevocationClient | undefined {
  const own = options.preRegistered;
  if (own?.clientId) return { client_id: own.clientId, ...(own.clientSecret ? { client_secret: own.clientSecret } : {}) };
  const registered = issuer === undefined ? undefined : options.record.clients[issuer];
  if (!registered) return undefined;
  const method = registered.token_endpoint_auth_method;
  return { ...registered, ...(typeof method === 'string' ? { token_endpoint_auth_method: method } : {}) };
}

/** RFC 8414: the revocation endpoint's own methods, else the token endpoint's (the same client auth). */
function supportedMethods(metadata: Record<string, unknown>): string[] {
  const own = metadata.revocation_endpoint_auth_methods_supported ?? metadata.token_endpoint_auth_methods_supported;
  return Array.isArray(own) ? own.filter((m): m is string => typeof m === 'string') : [];
}

function authenticate(client: RevocationClient, supported: string[], headers: Headers, body: URLSearchParams): void {
  const method = selectClientAuthMethod(client, supported);
  switch (method) {
    case 'client_secret_basic': {
      // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and base64-encoded.
      const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
      headers.set('authorization', `Basic ${btoa(`${encode(client.client_id)}:${encode(client.client_secret ?? '')}`)}`);
      return;
    }
    case 'client_secret_post':
      body.set('client_id', client.client_id);
      if (client.client_secret) body.set('client_secret', client.client_secret);
      return;
    case 'none':
      body.set('client_id', client.client_id);
      return;
  }
}
