import { describe, expect, it } from 'vitest';
import { NeedsAuthorizationError } from '../../../lib/auth/auth-errors';
import { createConnectorOAuthProvider } from '../../../lib/auth/connector-oauth-provider';
import { createFetchAuthorizationAdapter } from '../../../lib/auth/fetch-authorization-adapter';
import { memoryArea, OAuthStore } from '../../../lib/auth/oauth-store';
import { signIn } from '../../../lib/auth/sign-in';
import { createMcpClient } from '../../../lib/mcp/session/create-mcp-client';
import { openConnection } from '../../../lib/mcp/transport/open-connection';
import { fakeOAuthServer } from './fake-oauth-server';

const SERVER_URL = 'https://mcp.example/mcp';

/** A server whose resource metadata lives only at the custom URL its 401 names (auth/metadata-var3). */
function setup(serverOptions: Parameters<typeof fakeOAuthServer>[0] = {}) {
  const server = fakeOAuthServer({ resourceMetadataPath: '/custom/resource-metadata', ...serverOptions });
  const store = new OAuthStore(memoryArea());
  const adapter = createFetchAuthorizationAdapter({ redirectUrl: 'https://ext.example/oauth', fetch: server.fetch });
  const provider = () => createConnectorOAuthProvider({ connectorId: 'c1', serverUrl: SERVER_URL, store, adapter });
  /** The hub's non-interactive connect: it meets the 401 and ends in needs-auth. */
  const connect = (authProvider = provider()) =>
    openConnection({ url: SERVER_URL, transport: 'streamable-http', fetch: server.fetch, headers: {}, resume: null, createClient: () => createMcpClient(), prepareTransport: (t) => t, authProvider });
  return { server, store, adapter, provider, connect };
}

describe('Sign in after a challenge', () => {
  it('finds resource metadata that only the 401 challenge names, even in a new worker', async () => {
    const { server, store, adapter, provider, connect } = setup();
    await expect(connect()).rejects.toBeInstanceOf(NeedsAuthorizationError);
    // The Sign in button runs later, on a provider built afresh (as after a worker restart).
    await signIn(provider(), { serverUrl: SERVER_URL, fetch: server.fetch, adapter });
    expect((await store.read('c1')).tokens !== null).toBe(true);
    const connection = await connect();
    expect((await connection.client.listTools()).tools.map((tool) => tool.name)).toEqual(['echo']);
    await connection.client.close();
  });

  it('asks for the scope the challenge named, not scopes_supported', async () => {
    const { server, adapter, provider, connect } = setup({ challengeScope: 'files:read', scopesSupported: ['files:read', 'files:write', 'admin'] });
    await expect(connect()).rejects.toBeInstanceOf(NeedsAuthorizationError);
    server.seen.length = 0;
    await signIn(provider(), { serverUrl: SERVER_URL, fetch: server.fetch, adapter });
    const authorize = server.seen.find((request) => new URL(request.url).pathname === '/authorize');
    expect(new URL(authorize!.url).searchParams.get('scope')).toBe('files:read');
  });

  it('discovers again when the challenge names other resource metadata than the cached discovery', async () => {
    const { server, store, adapter, provider, connect } = setup();
    await expect(connect()).rejects.toBeInstanceOf(NeedsAuthorizationError);
    await store.update('c1', (record) => ({ ...record, discovery: { ...record.discovery!, resourceMetadataUrl: 'https://mcp.example/old-metadata' } }));
    server.seen.length = 0;
    await signIn(provider(), { serverUrl: SERVER_URL, fetch: server.fetch, adapter });
    expect(server.seen.some((request) => request.url === 'https://mcp.example/custom/resource-metadata')).toBe(true);
  });
});
