import { auth } from '@modelcontextprotocol/sdk/client/auth.js';
import { describe, expect, it } from 'vitest';
import { OAuthFlowError } from '../../../lib/auth/auth-errors';
import { createConnectorOAuthProvider } from '../../../lib/auth/connector-oauth-provider';
import { createFetchAuthorizationAdapter } from '../../../lib/auth/fetch-authorization-adapter';
import { memoryArea, OAuthStore } from '../../../lib/auth/oauth-store';
import { fakeOAuthServer } from './fake-oauth-server';

const SERVER_URL = 'https://mcp.example/mcp';

function setup(serverOptions: Parameters<typeof fakeOAuthServer>[0] = {}, client: { clientId?: string; clientSecret?: string } = {}) {
  const server = fakeOAuthServer(serverOptions);
  const store = new OAuthStore(memoryArea());
  const adapter = createFetchAuthorizationAdapter({ redirectUrl: 'https://ext.example/oauth', fetch: server.fetch });
  const provider = createConnectorOAuthProvider({ connectorId: 'c1', serverUrl: SERVER_URL, store, adapter, ...client });
  return { server, store, adapter, provider };
}

describe('createConnectorOAuthProvider', () => {
  it('records the authorization request instead of opening it, with a fresh state', async () => {
    const { server, provider } = setup();
    expect(await auth(provider, { serverUrl: SERVER_URL, fetchFn: server.fetch })).toBe('REDIRECT');
    const request = provider.takeAuthorizationRequest();
    expect(request?.searchParams.get('state')).toMatch(/^[\w-]{40,}$/);
    expect(request?.searchParams.get('code_challenge_method')).toBe('S256');
    expect(provider.takeAuthorizationRequest()).toBeNull();
  });

  it('refuses to authorize when the server does not advertise PKCE S256', async () => {
    const { server, provider } = setup({ metadata: { code_challenge_methods_supported: null } });
    const error = await auth(provider, { serverUrl: SERVER_URL, fetchFn: server.fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthFlowError);
    expect((error as OAuthFlowError).code).toBe('pkce-unsupported');
    expect(server.seen.some((request) => request.url.includes('/authorize'))).toBe(false);
  });

  it('refuses an authorization response with another state', async () => {
    const { server, provider } = setup();
    await auth(provider, { serverUrl: SERVER_URL, fetchFn: server.fetch });
    provider.takeAuthorizationRequest();
    await expect(provider.completeAuthorization(new URL('https://ext.example/oauth?code=c&state=forged'))).rejects.toMatchObject({ code: 'state-mismatch' });
  });

  it('does not hand out a token issued for another resource', async () => {
    const { store, provider } = setup();
    const tokens = { access_token: 'elsewhere', token_type: 'Bearer' };
    await store.update('c1', (record) => ({ ...record, tokens: { tokens, obtainedAt: 0, expiresAt: null, resource: 'https://other.example/mcp' } }));
    expect(await provider.tokens()).toBeUndefined();
    await store.update('c1', (record) => ({ ...record, tokens: { tokens, obtainedAt: 0, expiresAt: null, resource: SERVER_URL } }));
    expect(await provider.tokens()).toMatchObject({ access_token: 'elsewhere' });
  });

  it('keeps registrations per issuer, so a new issuer means a new registration', async () => {
    const { provider } = setup();
    await provider.saveDiscoveryState?.({ authorizationServerUrl: 'https://a.example' });
    await provider.saveClientInformation?.({ client_id: 'at-a', issuer: 'https://a.example' });
    expect(await provider.clientInformation()).toMatchObject({ client_id: 'at-a' });
    await provider.saveDiscoveryState?.({ authorizationServerUrl: 'https://b.example' });
    expect(await provider.clientInformation()).toBeUndefined();
  });

  it('asks for a refresh a minute before the access token ends', async () => {
    const { store, provider } = setup();
    const tokens = { access_token: 'a', token_type: 'Bearer', refresh_token: 'r' };
    await store.update('c1', (record) => ({ ...record, tokens: { tokens, obtainedAt: 0, expiresAt: Date.now() + 30_000, resource: SERVER_URL } }));
    expect(await provider.needsRefresh()).toBe(true);
    await store.update('c1', (record) => ({ ...record, tokens: { tokens, obtainedAt: 0, expiresAt: Date.now() + 600_000, resource: SERVER_URL } }));
    expect(await provider.needsRefresh()).toBe(false);
  });

  it('does not send an access token known to have ended when there is no refresh token', async () => {
    const { store, provider } = setup();
    const ended = { obtainedAt: 0, expiresAt: Date.now() - 1_000, resource: SERVER_URL };
    await store.update('c1', (record) => ({ ...record, tokens: { tokens: { access_token: 'old', token_type: 'Bearer' }, ...ended } }));
    expect(await provider.tokens()).toBeUndefined();
    // With a refresh token the SDK can still renew it, so the set is handed over.
    await store.update('c1', (record) => ({ ...record, tokens: { tokens: { access_token: 'old', token_type: 'Bearer', refresh_token: 'r' }, ...ended } }));
    expect(await provider.tokens()).toMatchObject({ refresh_token: 'r' });
  });

  it('hands the stored discovery back to the SDK, and forgets it on invalidation or for another server', async () => {
    const { store, provider, adapter } = setup();
    const state = { authorizationServerUrl: 'https://auth.example/', resourceMetadataUrl: 'https://mcp.example/custom' };
    await provider.saveDiscoveryState?.(state);
    expect(await provider.discoveryState?.()).toMatchObject(state);
    await provider.invalidateCredentials?.('discovery');
    expect(await provider.discoveryState?.()).toBeUndefined();
    await provider.saveDiscoveryState?.(state);
    const moved = createConnectorOAuthProvider({ connectorId: 'c1', serverUrl: 'https://other.example/mcp', store, adapter });
    expect(await moved.discoveryState?.()).toBeUndefined();
  });

  it("uses the user's pre-registered client before a stored registration", async () => {
    const { store, provider } = setup({}, { clientId: 'mine', clientSecret: 's' });
    await store.update('c1', (record) => ({ ...record, clients: { 'https://auth.example/': { client_id: 'dynamic', issuer: 'https://auth.example/' } } }));
    await provider.saveDiscoveryState?.({ authorizationServerUrl: 'https://auth.example/' });
    expect(await provider.clientInformation()).toEqual({ client_id: 'mine', client_secret: 's' });
  });

  it('signs in with the pre-registered client even after a dynamic registration was stored', async () => {
    const { server, store, provider } = setup({}, { clientId: 'mine' });
    await store.update('c1', (record) => ({ ...record, clients: { 'https://auth.example/': { client_id: 'dynamic', issuer: 'https://auth.example/' } } }));
    expect(await auth(provider, { serverUrl: SERVER_URL, fetchFn: server.fetch })).toBe('REDIRECT');
    expect(provider.takeAuthorizationRequest()?.searchParams.get('client_id')).toBe('mine');
    expect(server.seen.some((request) => request.url.endsWith('/register'))).toBe(false);
  });
});
