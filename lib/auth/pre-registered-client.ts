import type { OAuthClientInformationMixed } from '@modelcontextprotocol/sdk/shared/auth.js';
import { assertClientIssuer } from './issuer-guard';
import type { ConnectorOAuthRecord } from './oauth-store';

/** A client the user registered by hand, from the connector's settings. */
export interface PreRegisteredClient {
  clientId: string;
  clientSecret?: string;
  /** The authorization server the user named for it, if any. */
  clientIssuer?: string;
}

/**
 * The pre-registered client as the SDK gets it, stamped with the issuer it is bound to: the one
 * the user named, else the first one it signed in with. Refuses (`issuer-mismatch`) when the
 * flow is now headed to another authorization server, before its id or secret is sent anywhere.
 */
export function preRegisteredClient(client: PreRegisteredClient, record: ConnectorOAuthRecord, currentIssuer: string | undefined): OAuthClientInformationMixed {
  const bound = client.clientIssuer ?? Object.values(record.clients).find((stored) => stored.client_id === client.clientId)?.issuer;
  assertClientIssuer(client.clientId, bound, currentIssuer);
  return { client_id: client.clientId, ...(client.clientSecret ? { client_secret: client.clientSecret } : {}), ...(bound ? { issuer: bound } : {}) };
}

/** `record` with the client bound to `issuer`: its id only, the secret stays in the connector's settings. */
export function bindPreRegistered(record: ConnectorOAuthRecord, clientId: string, issuer: string): ConnectorOAuthRecord {
  return { ...record, clients: { ...record.clients, [issuer]: { client_id: clientId, issuer } } };
}
