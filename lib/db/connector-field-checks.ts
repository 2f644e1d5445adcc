import { AUTH_KINDS, LOG_LEVELS, TRANSPORT_KINDS } from '../contract/connector-kind-names';
import { array, boolean, nullable, number, oneOf, optional, orElse, record, string, url } from '../contract/plain-checks';

/**
 * `connectorFields` (connector-fields.ts, documented there) without zod, for the chat's first
 * screen: the same fields with the same rules, so that screen sets apart the same damaged rows as
 * the Connectors screen does. connector-field-checks.test.ts holds the two to the same verdicts,
 * and fails when a field is added to one and not the other.
 */
export const connectorFieldChecks = {
  id: string(),
  label: string({ min: 1 }),
  url,
  transport: oneOf(TRANSPORT_KINDS),
  auth: oneOf(AUTH_KINDS),
  enabledTools: array(string()),
  disabledTools: optional(array(string())),
  toolsFetchedAt: nullable(number()),
  toolFingerprints: record(string()),
  sessionId: nullable(string()),
  protocolVersion: nullable(string()),
  lastEventId: optional(nullable(string())),
  transportUsed: nullable(oneOf(['streamable-http', 'sse'])),
  instructions: orElse(optional(nullable(string())), null),
  timeoutMs: number({ int: true, above: 0 }),
  maxTotalTimeoutMs: optional(number({ int: true, above: 0 })),
  omitOrigin: boolean,
  askAlways: optional(boolean),
  logLevel: orElse(optional(oneOf(LOG_LEVELS)), undefined),
  createdAt: number(),
  updatedAt: number(),
};
