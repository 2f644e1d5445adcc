import { z } from 'zod';
import type { KeyValueArea } from '../../browser/key-value-area';
import type { ConnectorRow } from '../../db/rows';

/** A connector's credentials; kept in storage.local, never in IndexedDB, logs or exports. */
export const ConnectorSecretsSchema = z.object({
  token: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  /** OAuth client settings the user entered; tokens themselves live in the OAuth store. */
  oauth: z
    .object({
      clientId: z.string().optional(),
      clientSecret: z.string().optional(),
      scopes: z.string().optional(),
      grant: z.enum(['authorization_code', 'client_credentials']).optional(),
      issuer: z.string().optional(),
      /**
       * User sign-in: an https URL of Patchbay's Client ID Metadata Document, used as the client
       * id where the server advertises `client_id_metadata_document_supported`.
       */
      clientMetadataUrl: z.string().optional(),
      /** Machine connectors: a PEM private key; when set, `private_key_jwt` replaces the secret. */
      privateKeyPem: z.string().optional(),
      /** The key's JWT signing algorithm (`RS256`, `ES256`, …). */
      keyAlgorithm: z.string().optional(),
    })
    .optional(),
});
export type ConnectorSecrets = z.infer<typeof ConnectorSecretsSchema>;

const keyOf = (connectorId: string) => `secrets.connector.${connectorId}`;

/** Reads and writes connector credentials behind the storage adapter. */
export class ConnectorSecretsStore {
  constructor(private readonly area: KeyValueArea) {}

  async read(connectorId: string): Promise<ConnectorSecrets> {
    const parsed = ConnectorSecretsSchema.safeParse(await this.area.get(keyOf(connectorId)));
    return parsed.success ? parsed.data : {};
  }

  async write(connectorId: string, secrets: ConnectorSecrets): Promise<void> {
    await this.area.set(keyOf(connectorId), ConnectorSecretsSchema.parse(secrets));
  }

  async remove(connectorId: string): Promise<void> {
    await this.area.remove(keyOf(connectorId));
  }

  /** The headers that carry this connector's credentials, sent only to its own URL. */
  async headersFor(connector: Pick<ConnectorRow, 'id' | 'auth'>): Promise<Record<string, string>> {
    const secrets = await this.read(connector.id);
    switch (connector.auth) {
      case 'bearer':
        return secrets.token ? { Authorization: `Bearer ${secrets.token}` } : {};
      case 'headers':
        return { ...secrets.headers };
      case 'none':
      case 'oauth':
        return {};
    }
  }
}
