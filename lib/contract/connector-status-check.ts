import { nullable, number, oneOf, string } from './plain-checks';
import { literal, object, taggedUnion } from './plain-object-checks';
import type { Check } from './plain-checks';
import type { ConnectorStatus } from './connector-status';

/**
 * `ConnectorStatusSchema` without zod, for the panel's port (the first screen shows statuses
 * before zod is loaded); `connector-status-check.test.ts` holds the two to the same answers.
 */
export const checkConnectorStatus: Check<ConnectorStatus> = taggedUnion('state', {
  connecting: object({ state: literal('connecting'), attempt: number({ int: true, min: 0 }) }),
  connected: object({ state: literal('connected'), transport: oneOf(['streamable-http', 'sse']), since: number() }),
  'needs-auth': object({ state: literal('needs-auth'), reason: string() }),
  'permission-needed': object({ state: literal('permission-needed'), origin: string() }),
  error: object({
    state: literal('error'),
    code: oneOf(['unreachable', 'origin-rejected', 'http-error', 'protocol-error', 'unauthorized', 'bad-config']),
    reason: string(),
    retryAt: nullable(number()),
  }),
});
