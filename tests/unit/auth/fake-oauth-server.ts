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
  /**
   * Serve the protected resource metadata only at this path (no well-known path), named in the
   * 401's `WWW-Authenticate` (conformance auth/metadata-var3).
   */
  resourceMetadataPath?: string;
  /** The protected resource metadata's `scopes_supported`. */
  scopesSupported?: string[];
  /** A `scope` the 401 challenge names. */
  challengeScope?: string;
  /** Replaces the 401 challenge's `resource_metadata` URL (e.g. a link-local one). */
  challengeResourceMetadata?: string;
  /** tools/call of these tools needs this scope: 403 `insufficient_scope` without it. */
  toolScopes?: Record<string, string>;
  /** Scopes the token endpoint never grants, whatever was authorized. */
  neverGrant?: string[];
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
  /** Access tokens the MCP endpoint accepts, with their scope; `revoke` makes one stop working. */
  const live = new Map<string, string>();
  const codes = new Map<string, string>();
  const refreshTokens = new Map<string, string>();
  let issued = 0;
  const issue = (asked: string) => {
    const scope = asked.split(' ').filter((s) => s && !options.neverGrant?.includes(s)).join(' ');
    issued += 1;
    live.set(`access-${issued}`, scope);
    refreshTokens.set(`refresh-${issued}`, scope);
    return { access_token: `access-${issued}`, token_type: 'Bearer', expires_in: 3600, refresh_token: `refresh-${issued}`, ...(scope ? { scope } : {}) };
  };
  const prmPath = options.resourceMetadataPath ?? '/.well-known/oauth-protected-resource/mcp';
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetch: FetchLike = async (input, init) => {
    const url = new URL(String(input));
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = new Headers(init?.headers);
    const body = typeof init?.body === 'string' ? init.body : init?.body ? String(init.body) : null;
    seen.push({ url: url.href, method, body, authorization: headers.get('authorization') });
    if (url.href === 'https://mcp.example/mcp') return mcp(method, headers, body);
    if (url.origin === 'https://mcp.example' && url.pathname === prmPath) {
      return json({ resource: options.resource ?? 'https://mcp.example/mcp', authorization_servers: [issuer], ...(options.scopesSupported ? { scopes_supported: options.scopesSupported } : {}) });
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
      const code = codes.size === 0 ? 'the-code' : `code-${codes.size + 1}`;
      codes.set(code, url.searchParams.get('scope') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', options.redirectState ?? url.searchParams.get('state') ?? '');
      for (const [key, value] of Object.entries(options.redirectExtras ?? {})) back.searchParams.set(key, value);
      return new Response(null, { status: 302, headers: { location: back.href } });
    }
    if (url.href === `${issuer}/token`) {
      const form = new URLSearchParams(body ?? '');
      if (form.get('grant_type') === 'refresh_token') {
        // Refresh tokens a test planted in the store are honoured too.
        return json(issue(refreshTokens.get(form.get('refresh_token') ?? '') ?? ''));
      }
      return json(issue(codes.get(form.get('code') ?? '') ?? ''));
    }
    if (url.href === `${issuer}/revoke`) return new Response(null, { status: 200 });
    return new Response('not found', { status: 404 });
  };
  /** A minimal MCP endpoint that wants a live token (the first is `access-1`) on everything. */
  const mcp = (method: string, headers: Headers, body: string | null): Response => {
    const token = /^Bearer (.+)$/.exec(headers.get('authorization') ?? '')?.[1] ?? '';
    const granted = live.get(token);
    if (granted === undefined) {
      const metadataUrl = options.challengeResourceMetadata ?? `https://mcp.example${prmPath}`;
      const scope = options.challengeScope ? `, scope="${options.challengeScope}"` : '';
      return new Response('{"error":"invalid_token"}', { status: 401, headers: { 'www-authenticate': `Bearer resource_metadata="${metadataUrl}"${scope}` } });
    }
    if (method !== 'POST' || body === null) return new Response(null, { status: 405 });
    const message = JSON.parse(body) as { id?: number; method: string; params?: { protocolVersion?: string; name?: string } };
    const needed = message.method === 'tools/call' ? options.toolScopes?.[message.params?.name ?? ''] : undefined;
    if (needed !== undefined && !granted.split(' ').includes(needed)) {
      const wanted = [...new Set([...granted.split(' ').filter(Boolean), needed])].join(' ');
      return new Response('{"error":"insufficient_scope"}', {
        status: 403,
        headers: { 'www-authenticate': `Bearer error="insufficient_scope", scope="${wanted}", resource_metadata="https://mcp.example${prmPath}"` },
      });
    }
    if (message.id === undefined) return new Response(null, { status: 202 });
    const result =
      message.method === 'initialize'
        ? { protocolVersion: message.params?.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: 'fake', version: '1' } }
        : message.method === 'tools/list'
          ? { tools: [{ name: 'echo', inputSchema: { type: 'object' } }, ...Object.keys(options.toolScopes ?? {}).map((name) => ({ name, inputSchema: { type: 'object' } }))] }
          : message.method === 'tools/call'
            ? { content: [{ type: 'text', text: `called ${message.params?.name}` }] }
            : {};
    return json({ jsonrpc: '2.0', id: message.id, result });
  };
  /** Makes an access token stop working (as if revoked server-side), whatever its expiry says. */
  const revoke = (token: string) => void live.delete(token);
  return { fetch, seen, issuer, revoke };
}
