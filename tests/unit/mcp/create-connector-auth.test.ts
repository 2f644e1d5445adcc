import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { describe, expect, it } from 'vitest';
import { isConnectorOAuthProvider } from '@/lib/auth/connector-oauth-types';
import { createFetchAuthorizationAdapter } from '@/lib/auth/fetch-authorization-adapter';
import { memoryArea, OAuthStore } from '@/lib/auth/oauth-store';
import type { ConnectorRow } from '@/lib/db/rows';
import { ConnectorSecretsStore } from '@/lib/mcp/connectors/connector-secrets';
import { createConnectorAuth } from '@/lib/mcp/auth/create-connector-auth';
import { fakeOAuthServer } from '../auth/fake-oauth-server';

const row = (auth: ConnectorRow['auth'], url = 'https://mcp.example/mcp') => ({ id: 'c1', label: 'Acme', url, auth }) as ConnectorRow;

function setup(serverOptions: Parameters<typeof fakeOAuthServer>[0] = {}) {
  const server = fakeOAuthServer(serverOptions);
  const secrets = new ConnectorSecretsStore(memoryArea());
  const oauthArea = memoryArea();
  const store = new OAuthStore(oauthArea);
  const adapter = createFetchAuthorizationAdapter({ redirectUrl: 'https://ext.example/oauth', fetch: server.fetch });
  const auth = createConnectorAuth({ store, secrets, adapter });
  /** The same storage, as a restarted worker sees it. */
  const restarted = () => createConnectorAuth({ store: new OAuthStore(oauthArea), secrets, adapter });
  return { server, secrets, store, auth, restarted };
}

describe('createConnectorAuth', () => {
  it('gives no provider to connectors that do not use OAuth', async () => {
    expect(await setup().auth.providerFor(row('bearer'))).toBeUndefined();
  });

  it('signs a user in for an OAuth connector, and says so on a 401', async () => {
    const { auth } = setup();
    expect(isConnectorOAuthProvider(await auth.providerFor(row('oauth')))).toBe(true);
    expect(await auth.needsSignIn(row('oauth'), new UnauthorizedError('401'))).toBe(true);
    expect(await auth.needsSignIn(row('oauth'), new Error('boom'))).toBe(false);
  });

  it('uses client credentials for a machine connector, which never asks anyone to sign in', async () => {
    const { auth, secrets } = setup();
    await secrets.write('c1', { oauth: { grant: 'client_credentials', clientId: 'svc', clientSecret: 's3cret', issuer: 'https://auth.example' } });
    const provider = await auth.providerFor(row('oauth'));
    expect(isConnectorOAuthProvider(provider)).toBe(false);
    expect(provider?.clientMetadata.grant_types).toEqual(['client_credentials']);
    expect(await auth.needsSignIn(row('oauth'), new UnauthorizedError('401'))).toBe(false);
    await expect(auth.signIn(row('oauth'), fetch)).rejects.toThrow(/machine/);
  });

  it('builds a new provider when the connector points somewhere else', async () => {
    const { auth } = setup();
    const first = await auth.providerFor(row('oauth'));
    expect(await auth.providerFor(row('oauth'))).toBe(first);
    expect(await auth.providerFor(row('oauth', 'https://other.example/mcp'))).not.toBe(first);
  });

  it('signs in with the client metadata URL where the server supports CIMD, registering nothing', async () => {
    const { auth, secrets, server } = setup({ metadata: { client_id_metadata_document_supported: true } });
    await secrets.write('c1', { oauth: { clientMetadataUrl: 'https://patchbay.example/client.json' } });
    expect(await auth.signIn(row('oauth'), server.fetch)).toBe('signed-in');
    const authorize = server.seen.find((request) => new URL(request.url).pathname === '/authorize');
    expect(new URL(authorize!.url).searchParams.get('client_id')).toBe('https://patchbay.example/client.json');
    expect(server.seen.some((request) => request.url.endsWith('/register'))).toBe(false);
  });

  it('registers dynamically when the server does not support CIMD, and ignores a non-https metadata URL', async () => {
    const { auth, secrets, server } = setup({ metadata: { client_id_metadata_document_supported: true } });
    await secrets.write('c1', { oauth: { clientMetadataUrl: 'http://patchbay.example/client.json' } });
    expect(await auth.signIn(row('oauth'), server.fetch)).toBe('signed-in');
    expect(server.seen.some((request) => request.url.endsWith('/register'))).toBe(true);
  });

  it('authenticates a machine connector with private_key_jwt when it has a private key', async () => {
    const { auth, secrets } = setup();
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----';
    await secrets.write('c1', { oauth: { grant: 'client_credentials', clientId: 'svc', clientSecret: 'unused', privateKeyPem: pem, issuer: 'https://auth.example' } });
    const provider = await auth.providerFor(row('oauth'));
    expect(provider?.clientMetadata.token_endpoint_auth_method).toBe('private_key_jwt');
    expect(typeof provider?.addClientAuthentication).toBe('function');
    await secrets.write('c1', { oauth: { grant: 'client_credentials', clientId: 'svc', clientSecret: 's3cret', issuer: 'https://auth.example' } });
    expect((await auth.providerFor(row('oauth')))?.clientMetadata.token_endpoint_auth_method).toBe('client_secret_basic');
  });

  it('forgets the registration and tokens of the old client when the user enters another', async () => {
    const { auth, secrets, server, store } = setup();
    expect(await auth.signIn(row('oauth'), server.fetch)).toBe('signed-in');
    expect(Object.values((await store.read('c1')).clients).map((client) => client.client_id)).toEqual(['registered-client']);
    await secrets.write('c1', { oauth: { clientId: 'mine' } });
    await auth.providerFor(row('oauth'));
    const record = await store.read('c1');
    expect(record.clients).toEqual({});
    expect(record.tokens).toBeNull();
  });

  it("keeps the last flow's steps for the debugger across a worker restart", async () => {
    const { auth, server, restarted } = setup();
    await auth.signIn(row('oauth'), server.fetch);
    const steps = auth.steps('c1').map((step) => step.step);
    expect(steps).toEqual(expect.arrayContaining(['protected-resource-metadata', 'authorization-request', 'token']));
    const after = restarted();
    await waitFor(async () => (await after.loadSteps!('c1')).length === steps.length);
    expect((await after.loadSteps!('c1')).map((step) => step.step)).toEqual(steps);
    expect(after.steps('c1').map((step) => step.step)).toEqual(steps);
  });
});

/** Polls until `check` holds (the steps are written behind the flow). */
async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (const deadline = Date.now() + 5_000; !(await check()); ) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
