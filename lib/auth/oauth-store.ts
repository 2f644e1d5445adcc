import { z } from 'zod';
import type { KeyValueArea } from '../browser/key-value-area';
import { type AuthStep, AuthStepSchema } from '../contract/auth-step';

/** Tokens as the token endpoint sent them, plus the `issuer` the SDK stamps on them. */
export const StoredTokensSchema = z.looseObject({
  access_token: z.string(),
  token_type: z.string(),
  expires_in: z.number().optional(),
  refresh_token: z.string().optional(),
  scope: z.string().optional(),
  issuer: z.string().optional(),
});

/** A token set and what Patchbay knows about it: when it came, when it ends, which resource it is for. */
export const TokenRecordSchema = z.object({
  tokens: StoredTokensSchema,
  obtainedAt: z.number(),
  /** Epoch ms; null when the server gave no `expires_in`. */
  expiresAt: z.number().nullable(),
  /** The RFC 8707 resource the tokens were issued for: they are never sent anywhere else. */
  resource: z.string(),
});
export type TokenRecord = z.infer<typeof TokenRecordSchema>;

/** A registration (dynamic, CIMD, or the user's pre-registered client), bound to one issuer. */
export const ClientRecordSchema = z.looseObject({
  client_id: z.string(),
  client_secret: z.string().optional(),
  issuer: z.string().optional(),
});
export type ClientRecord = z.infer<typeof ClientRecordSchema>;

/** An authorization request in flight: what to check the response against. */
export const PendingAuthorizationSchema = z.object({
  authorizationUrl: z.string(),
  state: z.string(),
  codeVerifier: z.string(),
  /** The authorization server URL discovery used (the SDK's binding key). */
  authorizationServerUrl: z.string().nullable(),
  /** The metadata's `issuer`, which an `iss` response parameter must equal (RFC 9207). */
  metadataIssuer: z.string().nullable(),
  /** The server said it always sends `iss`; a response without it is refused. */
  issRequired: z.boolean(),
  createdAt: z.number(),
});
export type PendingAuthorization = z.infer<typeof PendingAuthorizationSchema>;

/** The SDK's discovery result (RFC 9728 + RFC 8414), kept for the debugger and for revocation. */
export const DiscoveryRecordSchema = z.looseObject({
  authorizationServerUrl: z.string(),
  /** The MCP endpoint it was discovered for: a connector pointed elsewhere discovers again. */
  serverUrl: z.string().optional(),
  resourceMetadataUrl: z.string().optional(),
  resourceMetadata: z.looseObject({ resource: z.string() }).optional(),
  authorizationServerMetadata: z.looseObject({}).optional(),
});
export type DiscoveryRecord = z.infer<typeof DiscoveryRecordSchema>;

/**
 * What the server's last 401/403 `WWW-Authenticate` said: where its resource metadata is (which
 * may be a custom URL, not a well-known path) and which scope it wants. Sign in uses both.
 */
export const ChallengeRecordSchema = z.object({
  resourceMetadataUrl: z.string().optional(),
  scope: z.string().optional(),
  /** A 403 `insufficient_scope`: a refresh cannot widen a token, so the next flow authorizes. */
  insufficientScope: z.boolean().default(false),
});
export type ChallengeRecord = z.infer<typeof ChallengeRecordSchema>;

/** Everything OAuth keeps for one connector, under one storage key. */
export const ConnectorOAuthRecordSchema = z.object({
  tokens: TokenRecordSchema.nullable().default(null),
  /** Registrations keyed by issuer: a server that moves to another issuer gets a fresh one. */
  clients: z.record(z.string(), ClientRecordSchema).default({}),
  pending: PendingAuthorizationSchema.nullable().default(null),
  discovery: DiscoveryRecordSchema.nullable().default(null),
  challenge: ChallengeRecordSchema.nullable().default(null),
  /**
   * A digest of the client settings (id, secret, grant, key, metadata URL) the registrations and
   * tokens were made with: when the user changes them, those are forgotten.
   */
  clientKey: z.string().nullable().default(null),
});
export type ConnectorOAuthRecord = z.infer<typeof ConnectorOAuthRecordSchema>;

/** What the SDK's `invalidateCredentials(scope)` leaves of a record. */
export function invalidated(record: ConnectorOAuthRecord, scope: 'all' | 'client' | 'tokens' | 'verifier' | 'discovery'): ConnectorOAuthRecord {
  switch (scope) {
    case 'all':
      return { ...record, tokens: null, clients: {}, pending: null, discovery: null };
    case 'client':
      return { ...record, clients: {} };
    case 'tokens':
      return { ...record, tokens: null };
    case 'verifier':
      return { ...record, pending: null };
    case 'discovery':
      return { ...record, discovery: null };
  }
}

const EMPTY: ConnectorOAuthRecord = { tokens: null, clients: {}, pending: null, discovery: null, challenge: null, clientKey: null };

/**
 * OAuth state per connector in `storage.local` (through {@link KeyValueArea}), validated on the
 * way in and out: a corrupt record reads as empty (the user signs in again) rather than crashing
 * the worker. Writes for one connector are serialised so concurrent SDK callbacks do not lose
 * each other's fields.
 */
export class OAuthStore {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly area: KeyValueArea) {}

  async read(connectorId: string): Promise<ConnectorOAuthRecord> {
    const parsed = ConnectorOAuthRecordSchema.safeParse(await this.area.get(keyOf(connectorId)));
    return parsed.success ? parsed.data : { ...EMPTY, clients: {} };
  }

  /** Read-modify-write, one at a time per connector. */
  update(connectorId: string, change: (record: ConnectorOAuthRecord) => ConnectorOAuthRecord): Promise<ConnectorOAuthRecord> {
    const previous = this.queues.get(connectorId) ?? Promise.resolve();
    const next = previous.then(async () => {
      const updated = ConnectorOAuthRecordSchema.parse(change(await this.read(connectorId)));
      await this.area.set(keyOf(connectorId), updated);
      return updated;
    });
    this.queues.set(connectorId, next.catch(() => undefined));
    return next;
  }

  /** Sign-out: forget tokens, registrations, pending flows and discovery for the connector. */
  async clear(connectorId: string): Promise<void> {
    const previous = this.queues.get(connectorId) ?? Promise.resolve();
    const next = previous.then(() => this.area.remove(keyOf(connectorId)));
    this.queues.set(connectorId, next.catch(() => undefined));
    await next;
  }

  /** The auth debugger's steps of every connector's last flow (kept so a worker restart does not lose them). */
  async readSteps(): Promise<Record<string, AuthStep[]>> {
    const parsed = StepsRecordSchema.safeParse(await this.area.get(STEPS_KEY));
    return parsed.success ? parsed.data : {};
  }

  /** Replaces the stored steps; writes run one at a time, the last one wins. */
  writeSteps(steps: Record<string, AuthStep[]>): Promise<void> {
    const previous = this.queues.get(STEPS_KEY) ?? Promise.resolve();
    const next = previous.then(() => this.area.set(STEPS_KEY, steps));
    this.queues.set(STEPS_KEY, next.catch(() => undefined));
    return next;
  }
}

const STEPS_KEY = 'oauth-steps';

const StepsRecordSchema = z.record(z.string(), z.array(AuthStepSchema));

function keyOf(connectorId: string): string {
  return `oauth:${connectorId}`;
}

/** A store that lives only as long as the process: the conformance client and tests. */
export function memoryArea(): KeyValueArea {
  const values = new Map<string, unknown>();
  return {
    get: async (key) => structuredClone(values.get(key)),
    set: async (key, value) => void values.set(key, structuredClone(value)),
    remove: async (key) => void values.delete(key),
  };
}
