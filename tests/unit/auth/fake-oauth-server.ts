import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';

/** One request the fake servers saw. */
export interface SeenRequest {
  url: string;
  method: string;
  body: string | null;
  authorization: string | null;
}

export interface FakeOAuthServerOptions {
  /** Overrides merged into the authorization server metadata (`null` values delete a field). */
  metadata?: Record<string, unknown>;
  /** Extra query parameters the /authorize redirect adds (e.g. a wrong `iss`). */
  redirectExtras?: Record<string, string>;
  /** Replaces the state in the redirect. */
  redirectState?: string;
  /** The protected resource metadata's `resource`. */
  resource?: string;
  /** Registration refuses these redirect URIs with `invalid_redirect_uri` (RFC 7591). */
  refusedRedirectUris?: string[];
}

/**
 * An MCP resource server and authorization server behind one FetchLike, at
 * https://mcp.example and https://auth.example: PRM, RFC 8414 metadata, DCR, an /authorize that
 * redirects at once, a token endpoint and a revocation endpoint. Records every request.
 */
export function fakeOAuthServer(options: FakeOAuthServerOptions = {}) {
  const seen: SeenRequest[] = [];
  const issuer = 'https://auth.example';
  const metadata: Record<string, unknown> = {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    registration_endpoint: `${issuer}/register`,
    revocation_endpoint: `${issuer}/revoke`,
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['none'],
  };
  for (const [key, value] of Object.entries(options.metadata ?? {})) {
    if (value === null) delete metadata[key];
    else metadata[key] = value;
  }
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetch: FetchLike = async (input, init) => {
    const url = new URL(String(input));
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = new Headers(init?.headers);
    const body = typeof init?.body === 'string' ? init.body : init?.body ? String(init.body) : null;
    seen.push({ url: url.href, method, body, authorization: headers.get('authorization') });
    if (url.href === 'https://mcp.example/mcp') return mcp(method, headers, body);
    if (url.href === 'https://mcp.example/.well-known/oauth-protected-resource/mcp') {
      return json({ resource: options.resource ?? 'https://mcp.example/mcp', authorization_servers: [issuer] });
    }
    if (url.origin === issuer && url.pathname === '/.well-known/oauth-authorization-server') return json(metadata);
    if (url.href === `${issuer}/register`) {
      const asked = (JSON.parse(body ?? '{}') as { redirect_uris?: string[] }).redirect_uris ?? [];
      if (asked.some((uri) => options.refusedRedirectUris?.includes(uri))) {
        return json({ error: 'invalid_redirect_uri', error_description: 'Only loopback redirect URIs are allowed.' }, 400);
      }
      return json({ client_id: 'registered-client', redirect_uris: asked }, 201);
    }
    if (url.origin === issuer && url.pathname === '/authorize') {
      const back = new URL(url.searchParams.get('redirect_uri') ?? '');
      back.searchParams.set('code', 'the-code');
      back.searchParams.set('state', options.redirectState ?? url.searchParams.get('state') ?? '');
      for (const [key, value] of Object.entries(options.redirectExtras ?? {})) back.searchParams.set(key, value);
      return new Response(null, { status: 302, headers: { location: back.href } });
    }
    if (url.href === `${issuer}/token`) return json({ access_token: 'access-1', token_type: 'Bearer', expires_in: 3600, refresh_token: 'refresh-1' });
    if (url.href === `${issuer}/revoke`) return new Response(null, { status: 200 });
    return new Response('not found', { status: 404 });
  };
  /** A minimal MCP endpoint that wants `Bearer access-1` on everything. */
  const mcp = (method: string, headers: Headers, body: string | null): Response => {
    if (headers.get('authorization') !== 'Bearer access-1') {
      return new Response('{"error":"invalid_token"}', {
        status: 401,
        headers: { 'www-authenticate': 'Bearer resource_metadata="https://mcp.example/.well-known/oauth-protected-resource/mcp"' },
      });
    }
    if (method !== 'POST' || body === null) return new Response(null, { status: 405 });
    const message = JSON.parse(body) as { id?: number; method: string; params?: { protocolVersion?: string } };
    if (message.id === undefined) return new Response(null, { status: 202 });
    const result =
      message.method === 'initialize'
        ? { protocolVersion: message.params?.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: 'fake', version: '1' } }
        : message.method === 'tools/list'
          ? { tools: [{ name: 'echo', inputSchema: { type: 'object' } }] }
          : {};
    return json({ jsonrpc: '2.0', id: message.id, result });
  };
  return { fetch, seen, issuer };
}
