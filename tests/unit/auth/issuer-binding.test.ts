import { auth } from '@modelcontextprotocol/sdk/client/auth.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { describe, expect, it } from 'vitest';
import { OAuthFlowError } from '../../../lib/auth/auth-errors';
import { createConnectorOAuthProvider } from '../../../lib/auth/connector-oauth-provider';
import { createFetchAuthorizationAdapter } from '../../../lib/auth/fetch-authorization-adapter';
import { createMachineOAuthProvider } from '../../../lib/auth/machine-oauth-provider';
import { memoryArea, OAuthStore } from '../../../lib/auth/oauth-store';
import type { ConnectorRow } from '../../../lib/db/rows';
import { ConnectorSecretsStore } from '../../../lib/mcp/connectors/connector-secrets';
import { createConnectorAuth } from '../../../lib/mcp/auth/create-connector-auth';
import { fakeOAuthServer } from './fake-oauth-server';
import { hubWithOAuth } from './hub-oauth-harness';

const SERVER_URL = 'https://mcp.example/mcp';
const EVIL = 'https://evil-auth.example';

/**
 * The fake servers, and a second authorization server at {@link EVIL} (the same fake, renamed);
 * once `moved` is set, the resource metadata names it instead of https://auth.example.
 */
function movableServer() {
  const server = fakeOAuthServer();
  const evilSeen: string[] = [];
  let moved = false;
  const rename = async (response: Response) => new Response((await response.text()).replaceAll('https://auth.example', EVIL), { status: response.status, headers: response.headers });
  const fetch: FetchLike = async (input, init) => {
    const url = new URL(String(input));
    if (url.origin === EVIL) {
      evilSeen.push(`${(init?.method ?? 'GET').toUpperCase()} ${url.pathname} ${typeof init?.body === 'string' ? init.body : ''} ${new Headers(init?.headers).get('authorization') ?? ''}`);
      return rename(await server.fetch(url.href.replace(EVIL, 'https://auth.example'), init));
    }
    const response = await server.fetch(input, init);
    return moved && url.pathname.startsWith('/.well-known/oauth-protected-resource') ? rename(response) : response;
  };
  return { server, fetch, evilSeen, move: () => void (moved = true) };
}

async function signInOnce(provider: ReturnType<typeof createConnectorOAuthProvider>, fetch: FetchLike, adapter: ReturnType<typeof createFetchAuthorizationAdapter>) {
  expect(await auth(provider, { serverUrl: SERVER_URL, fetchFn: fetch })).toBe('REDIRECT');
  const code = await provider.completeAuthorization(await adapter.authorize(provider.takeAuthorizationRequest()!));
  expect(await auth(provider, { serverUrl: SERVER_URL, authorizationCode: code, fetchFn: fetch })).toBe('AUTHORIZED');
}

describe('a pre-registered OAuth client', () => {
  it('is bound to the authorization server it first signed in with: another one never sees its id or secret', async () => {
    const { fetch, evilSeen, move } = movableServer();
    const store = new OAuthStore(memoryArea());
    const adapter = createFetchAuthorizationAdapter({ redirectUrl: 'https://ext.example/oauth', fetch });
    const provider = createConnectorOAuthProvider({ connectorId: 'c1', serverUrl: SERVER_URL, store, adapter, clientId: 'mine', clientSecret: 'mine-secret' });
    await signInOnce(provider, fetch, adapter);

    move();
    await provider.invalidateCredentials?.('tokens');
    await provider.invalidateCredentials?.('discovery');
    const error = await auth(provider, { serverUrl: SERVER_URL, fetchFn: fetch }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OAuthFlowError);
    expect(error).toMatchObject({ code: 'issuer-mismatch', message: expect.stringMatching(/mine.*https:\/\/auth\.example.*evil-auth\.example/) });
    expect(provider.takeAuthorizationRequest()).toBeNull();
    // Its metadata may be read; nothing is sent to its authorize, token or register endpoints.
    expect(evilSeen.filter((request) => !request.startsWith('GET /.well-known/'))).toEqual([]);
    expect(evilSeen.join('\n')).not.toMatch(/mine/);
  });

  it('stays bound when the connector forgets its tokens (a URL edit, a sign-out): the binding lives with the client settings', async () => {
    const { fetch, evilSeen, move } = movableServer();
    const secrets = new ConnectorSecretsStore(memoryArea());
    const adapter = createFetchAuthorizationAdapter({ redirectUrl: 'https://ext.example/oauth', fetch });
    const auth = createConnectorAuth({ store: new OAuthStore(memoryArea()), secrets, adapter });
    const row = { id: 'c1', label: 'Acme', url: SERVER_URL, auth: 'oauth' } as ConnectorRow;
    await secrets.write('c1', { oauth: { clientId: 'mine', clientSecret: 'mine-secret' } });
    expect(await auth.signIn(row, fetch)).toBe('signed-in');
    expect((await secrets.read('c1')).oauth).toMatchObject({ clientId: 'mine', clientSecret: 'mine-secret', issuer: expect.stringMatching(/^https:\/\/auth\.example\/?$/) });

    await auth.forget('c1');
    move();
    await expect(auth.signIn(row, fetch)).rejects.toMatchObject({ code: 'issuer-mismatch' });
    expect(evilSeen.filter((request) => !request.startsWith('GET /.well-known/'))).toEqual([]);
  });

  it('is bound to the issuer the user entered, from the first sign-in on', async () => {
    const { fetch, evilSeen, move } = movableServer();
    move();
    const store = new OAuthStore(memoryArea());
    const adapter = createFetchAuthorizationAdapter({ redirectUrl: 'https://ext.example/oauth', fetch });
    const provider = createConnectorOAuthProvider({ connectorId: 'c1', serverUrl: SERVER_URL, store, adapter, clientId: 'mine', clientIssuer: 'https://auth.example' });
    await expect(auth(provider, { serverUrl: SERVER_URL, fetchFn: fetch })).rejects.toMatchObject({ code: 'issuer-mismatch' });
    expect(evilSeen.filter((request) => !request.startsWith('GET /.well-known/'))).toEqual([]);
  });
});

describe('authorization server metadata', () => {
  it('is refused when its issuer is not where it was fetched from (RFC 8414 §3.3), before any registration or window', async () => {
    const server = fakeOAuthServer({ metadata: { issuer: 'https://elsewhere.example' } });
    const harness = await hubWithOAuth(server.fetch);
    try {
      await harness.hub.start();
      await harness.waitForState('error');
      expect(harness.statuses.at(-1)).toMatchObject({ state: 'error', code: 'unauthorized', reason: expect.stringMatching(/https:\/\/auth\.example names the issuer "https:\/\/elsewhere\.example"/) });
      expect(server.seen.some((request) => request.url.endsWith('/register') || request.url.includes('/authorize') || request.url.endsWith('/token'))).toBe(false);
      expect(harness.windows).toEqual([]);
    } finally {
      await harness.close();
    }
  });

  it('is refused for a machine connector too, before its secret is sent to the token endpoint', async () => {
    const server = fakeOAuthServer({ metadata: { issuer: 'https://elsewhere.example' } });
    const provider = createMachineOAuthProvider({ clientId: 'svc', clientSecret: 'svc-secret', expectedIssuer: 'https://auth.example' });
    await expect(auth(provider, { serverUrl: SERVER_URL, fetchFn: server.fetch })).rejects.toMatchObject({ code: 'issuer-mismatch' });
    expect(server.seen.some((request) => request.url.endsWith('/token'))).toBe(false);
  });

  it('is refused when it names another path on the same origin', async () => {
    const { assertMetadataIssuer } = await import('../../../lib/auth/issuer-guard');
    expect(() => assertMetadataIssuer('https://auth.example/tenant1', { issuer: 'https://auth.example/tenant2' })).toThrow(/tenant2/);
    expect(() => assertMetadataIssuer('https://auth.example/tenant1', {})).toThrow(/null/);
    // A path-based identifier whose document names its origin (as the official conformance suite serves it).
    expect(() => assertMetadataIssuer('https://auth.example/tenant1', { issuer: 'https://auth.example' })).not.toThrow();
  });

  it('is accepted when its issuer differs only by a trailing slash', async () => {
    const server = fakeOAuthServer({ metadata: { issuer: 'https://auth.example/' } });
    const harness = await hubWithOAuth(server.fetch);
    try {
      await harness.hub.start();
      await harness.waitForState('needs-auth');
    } finally {
      await harness.close();
    }
  });
});

describe('sign-in steps of a connector whose URL carries a key', () => {
  it('do not show the key, wherever the flow carries the URL (here: the resource indicator)', async () => {
    const server = fakeOAuthServer({ resource: 'https://mcp.example/mcp?api_key=live-key-77' });
    // The fake serves https://mcp.example/mcp; the query is the connector's, not the server's.
    const fetch: FetchLike = (input, init) => {
      const url = new URL(String(input));
      if (url.origin === 'https://mcp.example') url.searchParams.delete('api_key');
      return server.fetch(url.href, init);
    };
    const harness = await hubWithOAuth(fetch, 'https://mcp.example/mcp?api_key=live-key-77');
    try {
      await harness.hub.start();
      await harness.waitForState('needs-auth');
      const discovery = JSON.stringify(await harness.hub.authSteps(harness.id));
      await harness.hub.signIn(harness.id);
      const steps = discovery + JSON.stringify(await harness.hub.authSteps(harness.id));
      expect(steps).toContain('resource=https%3A%2F%2Fmcp.example%2Fmcp%3Fapi_key%3D');
      expect(steps).not.toContain('live-key-77');
    } finally {
      await harness.close();
    }
  });
});
