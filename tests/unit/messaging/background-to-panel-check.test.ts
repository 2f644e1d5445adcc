import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BackgroundToPanelCheck } from '@/lib/messaging/background-to-panel-check';
import { BackgroundToPanelSchema } from '@/lib/messaging/panel-port-protocol';
import { bent, expectSameVerdict, hostileLeaf } from '../contract/same-verdicts';

const status = fc.oneof(
  fc.record({ state: fc.constant('connecting'), attempt: fc.nat() }),
  fc.record({ state: fc.constant('connected'), transport: fc.constantFrom('streamable-http', 'sse', 'websocket'), since: fc.double() }),
  fc.record({ state: fc.constantFrom('needs-auth', 'permission-needed', 'constructor'), reason: fc.string(), origin: fc.string() }),
  fc.record({ state: fc.constant('error'), code: fc.constantFrom('unreachable', 'unauthorized', 'nope'), reason: fc.string(), retryAt: fc.oneof(fc.constant(null), fc.double()) }),
);

/** Every event of the union with plausible fields, and the same bent out of shape. */
const events = bent(
  fc.oneof(
    fc.record({ type: fc.constant('pong'), sentAt: fc.double(), workerStartedAt: fc.double() }),
    fc.record({ type: fc.constantFrom('command-received', 'command-reply'), requestId: fc.string(), reply: fc.anything() }, { requiredKeys: ['type', 'requestId'] }),
    fc.record({ type: fc.constant('channel-ready'), workerStartedAt: fc.oneof(fc.double(), hostileLeaf) }, { requiredKeys: ['type'] }),
    fc.record({ type: fc.constant('rejected'), code: fc.constantFrom('malformed-message', 'other'), detail: fc.string() }),
    fc.record({ type: fc.constantFrom('settings-changed', '__proto__', 'toString') }),
    fc.record({ type: fc.constant('connector-status'), connectorId: fc.string(), status: bent(status), version: fc.oneof(fc.integer(), fc.double()) }),
    fc.record({ type: fc.constant('tool-progress'), callId: fc.string(), progress: fc.double(), total: fc.double(), message: fc.string() }, { requiredKeys: ['type', 'callId', 'progress'] }),
    fc.record({ type: fc.constant('run-state'), conversationId: fc.string(), running: fc.oneof(fc.boolean(), hostileLeaf) }),
    fc.record({
      type: fc.constant('context-notice'),
      connectorId: fc.string(),
      notice: bent(fc.record({ kind: fc.constantFrom('prompts-changed', 'resources-changed', 'resource-updated', 'hasOwnProperty'), uri: fc.oneof(fc.string(), fc.constant('u'.repeat(8193))) })),
    }),
    fc.record({ type: fc.constant('rate-limited'), conversationId: fc.string(), retryAt: fc.double() }),
  ),
);

describe('the panel port check without zod', () => {
  it('accepts and refuses exactly what BackgroundToPanelSchema does, with the same result', () => {
    fc.assert(fc.property(events, (event) => expectSameVerdict(BackgroundToPanelCheck, BackgroundToPanelSchema, event)), { numRuns: 3_000 });
  });

  it('refuses prototype names as tags, wrong types, non-finite numbers and oversized URIs', () => {
    const refused = [
      { type: '__proto__' },
      { type: 'constructor' },
      { type: 'pong', sentAt: Number.NaN, workerStartedAt: 1 },
      { type: 'pong', sentAt: '1', workerStartedAt: 1 },
      { type: 'connector-status', connectorId: 'c', status: { state: 'toString' }, version: 1 },
      { type: 'connector-status', connectorId: 'c', status: { state: 'connecting', attempt: -1 }, version: 1 },
      { type: 'connector-status', connectorId: 'c', status: { state: 'connecting', attempt: 1 }, version: 1.5 },
      { type: 'context-notice', connectorId: 'c', notice: { kind: 'resource-updated', uri: 'u'.repeat(8193) } },
      { type: 'run-state', conversationId: 'c', running: 'yes' },
      ['settings-changed'],
    ];
    for (const event of refused) {
      expect(BackgroundToPanelCheck.safeParse(event).success).toBe(false);
      expect(BackgroundToPanelSchema.safeParse(event).success).toBe(false);
    }
  });

  it('drops keys it does not know, a `__proto__` of the message included', () => {
    const event = { ...JSON.parse('{"__proto__": {"admin": true}, "extra": "<img>"}'), type: 'run-state', conversationId: 'c', running: true };
    const parsed = BackgroundToPanelCheck.safeParse(event);
    expect(parsed).toEqual({ success: true, data: { type: 'run-state', conversationId: 'c', running: true } });
    expect(parsed.success && Object.keys(parsed.data)).toEqual(['type', 'conversationId', 'running']);
  });
});
