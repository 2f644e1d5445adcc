import { describe, expect, it } from 'vitest';
import { NeedsAuthorizationError } from '../../../lib/auth/auth-errors';
import { createConnectorOAuthProvider } from '../../../lib/auth/connector-oauth-provider';
import { createFetchAuthorizationAdapter } from '../../../lib/auth/fetch-authorization-adapter';
import { memoryArea, OAuthStore } from '../../../lib/auth/oauth-store';
import { createMcpClient } from '../../../lib/mcp/session/create-mcp-client';
import { openConnection, type OpenConnectionOptions } from '../../../lib/mcp/transport/open-connection';
import { fakeOAuthServer } from './fake-oauth-server';

const SERVER_URL = 'https://mcp.example/mcp';

function setup() {
  const server = fakeOAuthServer();
  const store = new OAuthStore(memoryArea());
  const adapter = createFetchAuthorizationAdapter({ redirectUrl: 'https://ext.example/oauth', fetch: server.fetch });
  const authProvider = createConnectorOAuthProvider({ connectorId: 'c1', serverUrl: SERVER_URL, store, adapter });
  const options: OpenConnectionOptions = {
    url: SERVER_URL,
    transport: 'streamable-http',
    fetch: server.fetch,
    headers: {},
    resume: null,
    createClient: () => createMcpClient(),
    prepareTransport: (transport) => transport,
    authProvider,
  };
  return { server, store, adapter, options };
}

describe('openConnection with OAuth', () => {
  it('ends in NeedsAuthorizationError, opening nothing, when no authorize step is given', async () => {
    const { server, options } = setup();
    await expect(openConnection(options)).rejects.toBeInstanceOf(NeedsAuthorizationError);
    expect(server.seen.some((request) => request.url.includes('/authorize'))).toBe(false);
  });

  it('signs in on 401, connects, and sends the token only to its own server', async () => {
    const { server, store, adapter, options } = setup();
    const connection = await openConnection({ ...options, authorize: (url) => adapter.authorize(url) });
    expect((await connection.client.listTools()).tools.map((tool) => tool.name)).toEqual(['echo']);
    await connection.client.close();
    expect((await store.read('c1')).tokens !== null).toBe(true);
    const bearerTo = new Set(server.seen.filter((request) => request.authorization?.startsWith('Bearer')).map((request) => request.url));
    expect([...bearerTo]).toEqual([SERVER_URL]);
  });

  it('reuses stored tokens without asking again', async () => {
    const { store, adapter, options } = setup();
    await (await openConnection({ ...options, authorize: (url) => adapter.authorize(url) })).client.close();
    expect((await store.read('c1')).tokens !== null).toBe(true);
    const again = await openConnection(options);
    await again.client.close();
  });
});
