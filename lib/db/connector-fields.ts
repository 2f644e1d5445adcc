import { z } from 'zod';
import { AuthKindSchema, TransportKindSchema } from '../contract/connector-kinds';
import { LogLevelSchema } from '../contract/log-level';

/**
 * The fields of a stored connector row that need none of the SDK's schemas: the whole row
 * (`ConnectorRowSchema`, rows.ts) and the chat's narrower view of it (`ChatConnectorSchema`) both
 * check them, so both set the same damaged rows apart, while the panel's first screen never
 * builds the SDK's `Tool` and capability schemas.
 */
export const connectorFields = {
  id: z.string(),
  label: z.string().min(1),
  url: z.url(),
  transport: TransportKindSchema,
  auth: AuthKindSchema,
  /** Tool names the user switched on; a tool absent from the server is simply not offered. */
  enabledTools: z.array(z.string()),
  /**
   * Tool names the user switched off, kept even while the server does not list them, so a tool
   * that leaves and comes back (or a server that plays that trick) stays off. Optional: older rows
   * lack it (a listed tool absent from `enabledTools` is off there too).
   */
  disabledTools: z.array(z.string()).optional(),
  toolsFetchedAt: z.number().nullable(),
  /** Tool name to fingerprint (hash of name, description, schemas, annotations) at the last fetch. */
  toolFingerprints: z.record(z.string(), z.string()),
  sessionId: z.string().nullable(),
  protocolVersion: z.string().nullable(),
  /**
   * The last event id seen on the session's GET stream, sent as `Last-Event-ID` when a restarted
   * worker reopens it so the server can replay what was missed. Optional: rows written before it
   * existed lack it, and no index needs it (so no schema version).
   */
  lastEventId: z.string().nullable().optional(),
  /** Which transport `auto` settled on, so a restarted worker resumes without probing again. */
  transportUsed: z.enum(['streamable-http', 'sse']).nullable(),
  /**
   * The server's `instructions` from the handshake, shown as plain text (never given to the model
   * as the user's words). Optional: rows from before it existed lack it; unindexed.
   */
  instructions: z.string().nullable().optional().catch(null),
  /** Per-call timeout; progress notifications restart it. */
  timeoutMs: z.number().int().positive(),
  /**
   * The most a tool call may take in total, progress or not (absent: 10 minutes). Optional, so rows
   * stored before it existed still parse.
   */
  maxTotalTimeoutMs: z.number().int().positive().optional(),
  /** Strip `Origin: chrome-extension://…` for servers whose DNS-rebinding guard refuses it. */
  omitOrigin: z.boolean(),
  /** "Ask before every tool": `readOnlyHint` is ignored for a server the user does not trust. */
  askAlways: z.boolean().optional(),
  /**
   * The log level the user asked this server for (`logging/setLevel`), sent again on every new
   * session. Absent: never asked, the server's own default applies.
   */
  logLevel: LogLevelSchema.optional().catch(undefined),
  createdAt: z.number(),
  updatedAt: z.number(),
};
