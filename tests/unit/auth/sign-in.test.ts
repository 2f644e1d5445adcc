import { describe, expect, it } from 'vitest';
import { OAuthFlowError } from '../../../lib/auth/auth-errors';
import type { AuthStep } from '../../../lib/contract/auth-step';
import { AuthorizationCancelledError, type AuthorizationAdapter } from '../../../lib/auth/authorization-adapter';
import { createConnectorOAuthProvider } from '../../../lib/auth/connector-oauth-provider';
import { createFetchAuthorizationAdapter } from '../../../lib/auth/fetch-authorization-adapter';
import { memoryArea, OAuthStore } from '../../../lib/auth/oauth-store';
import { signIn } from '../../../lib/auth/sign-in';
import { signOut } from '../../../lib/auth/sign-out';
import { fakeOAuthServer } from './fake-oauth-server';

const SERVER_URL = 'https://mcp.example/mcp';

function setup(serverOptions: Parameters<typeof fakeOAuthServer>[0] = {}, adapterOverride?: AuthorizationAdapter) {
  const server = fakeOAuthServer(serverOptions);
  const store = new OAuthStore(memoryArea());
  const adapter = adapterOverride ?? createFetchAuthorizationAdapter({ redirectUrl: 'https://ext.example/oauth', fetch: server.fetch });
  const steps: AuthStep[] = [];
  const provider = createConnectorOAuthProvider({ connectorId: 'c1', serverUrl: SERVER_URL, store, adapter, onStep: (step) => steps.push(step) });
  const run = () => signIn(provider, { serverUrl: SERVER_URL, fetch: server.fetch, adapter });
  return { server, store, provider, steps, run };
}

describe('signIn', () => {
  it('discovers, registers, authorizes with PKCE and state, and stores the tokens', async () => {
    const { server, store, steps, run } = setup();
    await run();
    expect((await store.read('c1')).tokens !== null).toBe(true);
    const record = await store.read('c1');
    expect(record.tokens?.resource).toBe(SERVER_URL);
    expect(record.clients['https://auth.example/']?.client_id ?? record.clients['https://auth.example']?.client_id).toBe('registered-client');
    const token = server.seen.find((request) => request.url === 'https://auth.example/token');
    expect(new URLSearchParams(token?.body ?? '').get('resource')).toBe(SERVER_URL);
    expect(steps.map((step) => step.step)).toEqual(expect.arrayContaining(['protected-resource-metadata', 'authorization-server-metadata', 'authorization-request', 'authorization-response', 'token']));
  });

  it('refuses a response whose iss names another issuer, and redeems no code', async () => {
    const { server, store, run } = setup({ redirectExtras: { iss: 'https://evil.example' } });
    await expect(run()).rejects.toMatchObject({ code: 'issuer-mismatch', step: 'authorization-response' });
    expect(server.seen.some((request) => request.url.endsWith('/token'))).toBe(false);
    expect((await store.read('c1')).tokens !== null).toBe(false);
  });

  it('refuses a response without iss when the server promises one', async () => {
    const { run } = setup({ metadata: { authorization_response_iss_parameter_supported: true } });
    await expect(run()).rejects.toMatchObject({ code: 'issuer-mismatch' });
  });

  it('refuses a response with a forged state', async () => {
    const { server, run } = setup({ redirectState: 'forged' });
    await expect(run()).rejects.toMatchObject({ code: 'state-mismatch' });
    expect(server.seen.some((request) => request.url.endsWith('/token'))).toBe(false);
  });

  it('refuses to sign in when the metadata does not advertise S256', async () => {
    const { server, run } = setup({ metadata: { code_challenge_methods_supported: ['plain'] } });
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthFlowError);
    expect(error).toMatchObject({ code: 'pkce-unsupported', step: 'authorization-request' });
    expect(server.seen.some((request) => new URL(request.url).pathname === '/authorize')).toBe(false);
  });

  it('refuses a resource metadata document that names another resource', async () => {
    const { server, run } = setup({ resource: 'https://other.example/mcp' });
    await expect(run()).rejects.toMatchObject({ step: 'discovery' });
    expect(server.seen.some((request) => request.url.includes('/authorize') || request.url.endsWith('/token'))).toBe(false);
  });

  it('passes a closed window on as AuthorizationCancelledError', async () => {
    const cancelled: AuthorizationAdapter = { redirectUrl: 'https://ext.example/oauth', authorize: () => Promise.reject(new AuthorizationCancelledError()) };
    const { run, store } = setup({}, cancelled);
    await expect(run()).rejects.toBeInstanceOf(AuthorizationCancelledError);
    expect((await store.read('c1')).tokens !== null).toBe(false);
  });
});

describe('signOut', () => {
  it('revokes refresh and access tokens where the server advertises revocation, then forgets them', async () => {
    const { server, store, run } = setup();
    await run();
    expect(await signOut({ connectorId: 'c1', store, fetch: server.fetch })).toMatchObject({ revoked: true, outcome: { type: 'revoked' } });
    const revoked = server.seen.filter((request) => request.url.endsWith('/revoke')).map((request) => new URLSearchParams(request.body ?? '').get('token'));
    expect(revoked).toEqual(['refresh-1', 'access-1']);
    expect((await store.read('c1')).tokens !== null).toBe(false);
  });

  it('only deletes when there is no revocation endpoint', async () => {
    const { server, store, run } = setup({ metadata: { revocation_endpoint: null } });
    await run();
    expect(await signOut({ connectorId: 'c1', store, fetch: server.fetch })).toMatchObject({ revoked: false, outcome: { type: 'not-offered' } });
    expect((await store.read('c1')).tokens !== null).toBe(false);
  });

  it('never sends a token to a revocation endpoint on another origin than its authorization server', async () => {
    const { server, store, run } = setup({ metadata: { revocation_endpoint: 'https://collector.example/revoke' } });
    await run();
    const { outcome } = await signOut({ connectorId: 'c1', store, fetch: server.fetch });
    expect(outcome).toMatchObject({ type: 'failed', reason: expect.stringMatching(/not on the authorization server's origin/) });
    expect(server.seen.some((request) => request.url.startsWith('https://collector.example'))).toBe(false);
    expect((await store.read('c1')).tokens !== null).toBe(false);
  });

  it('authenticates the revocation as the client was registered: HTTP Basic with form-encoded id and secret', async () => {
    const { server, store, run } = setup({ metadata: { revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'] } });
    await run();
    await store.update('c1', (record) => ({
      ...record,
      clients: Object.fromEntries(Object.entries(record.clients).map(([issuer, client]) => [issuer, { ...client, client_id: 'a b:c', client_secret: 's&t', token_endpoint_auth_method: 'client_secret_basic' }])),
    }));
    await signOut({ connectorId: 'c1', store, fetch: server.fetch });
    const revocations = server.seen.filter((request) => request.url.endsWith('/revoke'));
    expect(revocations).toHaveLength(2);
    for (const request of revocations) {
      expect(request.authorization).toBe(`Basic ${btoa('a+b%3Ac:s%26t')}`);
      expect(new URLSearchParams(request.body ?? '').has('client_secret')).toBe(false);
    }
  });

  it('reports a revocation the server refused, and forgets the tokens anyway', async () => {
    const { server, store, run } = setup();
    await run();
    const failing: typeof server.fetch = (input, init) => (String(input).endsWith('/revoke') ? Promise.resolve(new Response(null, { status: 503 })) : server.fetch(input, init));
    const { outcome } = await signOut({ connectorId: 'c1', store, fetch: failing });
    expect(outcome).toMatchObject({ type: 'failed', reason: expect.stringMatching(/HTTP 503/) });
    expect((await store.read('c1')).tokens !== null).toBe(false);
  });

  it('falls back to the loopback redirect form when registration refuses the first', async () => {
    const server = fakeOAuthServer({ refusedRedirectUris: ['https://abc123.extensions.allizom.org/oauth'] });
    const adapter = createFetchAuthorizationAdapter({
      redirectUrl: 'https://abc123.extensions.allizom.org/oauth',
      fallbackRedirectUrl: 'http://127.0.0.1/mozoauth2/abc123',
      fetch: server.fetch,
    });
    const store = new OAuthStore(memoryArea());
    const provider = createConnectorOAuthProvider({ connectorId: 'c1', serverUrl: SERVER_URL, store, adapter });
    await signIn(provider, { serverUrl: SERVER_URL, fetch: server.fetch, adapter });
    expect((await store.read('c1')).tokens !== null).toBe(true);
    const registrations = server.seen.filter((r) => r.url.endsWith('/register')).map((r) => JSON.parse(r.body ?? '{}').redirect_uris);
    expect(registrations).toEqual([['https://abc123.extensions.allizom.org/oauth'], ['http://127.0.0.1/mozoauth2/abc123']]);
    const authorize = server.seen.find((r) => r.url.includes('/authorize'))!;
    expect(new URL(authorize.url).searchParams.get('redirect_uri')).toBe('http://127.0.0.1/mozoauth2/abc123');
  });

  it('does not retry a refused redirect when there is no other form', async () => {
    const { run } = setup({ refusedRedirectUris: ['https://ext.example/oauth'] });
    await expect(run()).rejects.toBeInstanceOf(OAuthFlowError);
  });
});
