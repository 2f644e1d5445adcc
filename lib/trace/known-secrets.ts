import type { ConnectorOAuthRecord } from '../auth/oauth-store';
import type { ConnectorSecrets } from '../mcp/connectors/connector-secrets';

/** Where the secrets a trace must not carry are kept; passed in so tests plant their own. */
export interface SecretSources {
  apiKey(): Promise<string>;
  connectorSecrets(connectorId: string): Promise<ConnectorSecrets>;
  oauth(connectorId: string): Promise<ConnectorOAuthRecord>;
}

/**
 * Every credential this Patchbay holds for the model and for these connectors, as strings to find
 * anywhere in a trace: a server that echoes its bearer token or a model that repeats a key must
 * not put it in a file meant for an issue tracker.
 */
export async function knownSecrets(sources: SecretSources, connectorIds: readonly string[]): Promise<string[]> {
  const found = [await sources.apiKey()];
  for (const id of connectorIds) {
    const secrets = await sources.connectorSecrets(id);
    found.push(secrets.token ?? '', ...Object.values(secrets.headers ?? {}), secrets.oauth?.clientSecret ?? '', secrets.oauth?.privateKeyPem ?? '');
    const oauth = await sources.oauth(id);
    const tokens = oauth.tokens?.tokens;
    found.push(tokens?.access_token ?? '', tokens?.refresh_token ?? '', oauth.pending?.codeVerifier ?? '');
    for (const client of Object.values(oauth.clients)) found.push(client.client_secret ?? '');
  }
  return found.map((secret) => secret.trim()).filter((secret) => secret !== '');
}
