import { z } from 'zod';

/** Why a connector is in `error`; the code picks the advice, the message carries the details. */
export const ConnectorErrorCodeSchema = z.enum([
  'unreachable',
  'origin-rejected',
  'http-error',
  'protocol-error',
  'unauthorized',
  'bad-config',
]);
export type ConnectorErrorCode = z.infer<typeof ConnectorErrorCodeSchema>;

/**
 * What a connector is doing right now. Closed: every view renders each case, and `error`
 * always says why and when the next attempt is.
 */
export const ConnectorStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('connecting'), attempt: z.number().int().nonnegative() }),
  z.object({ state: z.literal('connected'), transport: z.enum(['streamable-http', 'sse']), since: z.number() }),
  z.object({ state: z.literal('needs-auth'), reason: z.string() }),
  z.object({ state: z.literal('permission-needed'), origin: z.string() }),
  z.object({
    state: z.literal('error'),
    code: ConnectorErrorCodeSchema,
    reason: z.string(),
    /** When the hub will try again by itself; null when only the user can fix it. */
    retryAt: z.number().nullable(),
  }),
]);
export type ConnectorStatus = z.infer<typeof ConnectorStatusSchema>;

/** A status and the version of the change that produced it; a higher version is newer. */
export const VersionedStatusSchema = z.object({ status: ConnectorStatusSchema, version: z.number().int().nonnegative() });
export type VersionedStatus = z.infer<typeof VersionedStatusSchema>;
