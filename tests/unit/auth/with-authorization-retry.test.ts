import { auth, UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { describe, expect, it, vi } from 'vitest';
import { NeedsAuthorizationError } from '../../../lib/auth/auth-errors';
import { createConnectorOAuthProvider } from '../../../lib/auth/connector-oauth-provider';
import { createFetchAuthorizationAdapter } from '../../../lib/auth/fetch-authorization-adapter';
import { memoryArea, OAuthStore } from '../../../lib/auth/oauth-store';
import { withAuthorizationRetry } from '../../../lib/auth/with-authorization-retry';
import { fakeOAuthServer } from './fake-oauth-server';

const SERVER_URL = 'https://mcp.example/mcp';

/** Stands in for the SDK transport: a request that gets 401 runs auth() (which records the request) and throws. */
function setup() {
  const server = fakeOAuthServer();
  const store = new OAuthStore(memoryArea());
  const adapter = createFetchAuthorizationAdapter({ redirectUrl: 'https://ext.example/oauth', fetch: server.fetch });
  const provider = createConnectorOAuthProvider({ connectorId: 'c1', serverUrl: SERVER_URL, store, adapter });
  const unauthorized = async (): Promise<never> => {
    // The server rejects whatever token it got, so auth() cannot settle it with a refresh.
    await provider.invalidateCredentials?.('tokens');
    await auth(provider, { serverUrl: SERVER_URL, fetchFn: server.fetch });
    throw new UnauthorizedError();
  };
  const finishAuth = vi.fn(async (code: string) => {
    await auth(provider, { serverUrl: SERVER_URL, authorizationCode: code, fetchFn: server.fetch });
  });
  return { server, store, adapter, provider, unauthorized, finishAuth };
}

describe('withAuthorizationRetry', () => {
  it('authorizes, redeems the code on the transport and retries the request', async () => {
    const { adapter, provider, unauthorized, finishAuth, store } = setup();
    let calls = 0;
    const result = await withAuthorizationRetry(async () => (++calls === 1 ? unauthorized() : 'listed'), {
      provider,
      finishAuth,
      authorize: (url) => adapter.authorize(url),
    });
    expect(result).toBe('listed');
    expect(finishAuth).toHaveBeenCalledWith('the-code');
    expect((await store.read('c1')).tokens !== null).toBe(true);
  });

  it('does not open a window nobody asked for: NeedsAuthorizationError instead', async () => {
    const { provider, unauthorized, finishAuth } = setup();
    await expect(withAuthorizationRetry(unauthorized, { provider, finishAuth })).rejects.toBeInstanceOf(NeedsAuthorizationError);
    expect(finishAuth).not.toHaveBeenCalled();
  });

  it('gives up after the cap when the server keeps refusing', async () => {
    const { adapter, provider, unauthorized, finishAuth } = setup();
    const authorize = vi.fn((url: URL) => adapter.authorize(url));
    await expect(withAuthorizationRetry(unauthorized, { provider, finishAuth, authorize })).rejects.toMatchObject({ code: 'retry-limit' });
    expect(authorize).toHaveBeenCalledTimes(2);
  });

  it('passes other errors through untouched', async () => {
    const { provider, finishAuth } = setup();
    const boom = new Error('boom');
    await expect(withAuthorizationRetry(() => Promise.reject(boom), { provider, finishAuth })).rejects.toBe(boom);
  });

  it('refreshes a token that is about to expire before running the request', async () => {
    const { server, store, provider, finishAuth } = setup();
    const tokens = { access_token: 'old', token_type: 'Bearer', refresh_token: 'refresh-0' };
    await store.update('c1', (record) => ({
      ...record,
      clients: { 'https://auth.example/': { client_id: 'registered-client', issuer: 'https://auth.example/' } },
      tokens: { tokens, obtainedAt: 0, expiresAt: Date.now() + 10_000, resource: SERVER_URL },
    }));
    const seenToken: string[] = [];
    await withAuthorizationRetry(async () => seenToken.push((await provider.tokens())?.access_token ?? ''), { provider, finishAuth, fetch: server.fetch });
    const grants = server.seen.filter((request) => request.url.endsWith('/token')).map((request) => new URLSearchParams(request.body ?? '').get('grant_type'));
    expect(grants).toEqual(['refresh_token']);
    expect(seenToken).toEqual(['access-1']);
  });
});
