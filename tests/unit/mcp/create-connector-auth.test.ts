import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { describe, expect, it } from 'vitest';
import { isConnectorOAuthProvider } from '@/lib/auth/connector-oauth-provider';
import { createFetchAuthorizationAdapter } from '@/lib/auth/fetch-authorization-adapter';
import { memoryArea, OAuthStore } from '@/lib/auth/oauth-store';
import type { ConnectorRow } from '@/lib/db/rows';
import { ConnectorSecretsStore } from '@/lib/mcp/connector-secrets';
import { createConnectorAuth } from '@/lib/mcp/create-connector-auth';

const row = (auth: ConnectorRow['auth'], url = 'https://mcp.example/mcp') => ({ id: 'c1', label: 'Acme', url, auth }) as ConnectorRow;

function setup() {
  const secrets = new ConnectorSecretsStore(memoryArea());
  const auth = createConnectorAuth({
    store: new OAuthStore(memoryArea()),
    secrets,
    adapter: createFetchAuthorizationAdapter({ redirectUrl: 'https://ext.example/oauth' }),
  });
  return { secrets, auth };
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
});
