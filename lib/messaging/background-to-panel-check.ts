import { checkConnectorStatus } from '../contract/connector-status-check';
import { boolean, number, optional, string, unknown, type Check } from '../contract/plain-checks';
import { asSchema, literal, object, taggedUnion } from '../contract/plain-object-checks';
import type { BackgroundToPanel } from './panel-port-protocol';

const checkContextNotice = taggedUnion('kind', {
  'prompts-changed': object({ kind: literal('prompts-changed') }),
  'resources-changed': object({ kind: literal('resources-changed') }),
  'resource-updated': object({ kind: literal('resource-updated'), uri: string({ max: 8192 }) }),
});

/**
 * `BackgroundToPanelSchema` without zod: the panel checks every port message with it on arrival,
 * from its first screen on, without loading zod. `background-to-panel-check.test.ts` feeds both
 * the same messages, hostile ones included, and holds them to the same answers.
 */
const checkBackgroundToPanel: Check<BackgroundToPanel> = taggedUnion('type', {
  pong: object({ type: literal('pong'), sentAt: number(), workerStartedAt: number() }),
  'command-received': object({ type: literal('command-received'), requestId: string() }),
  'command-reply': object({ type: literal('command-reply'), requestId: string(), reply: unknown }),
  'channel-ready': object({ type: literal('channel-ready'), workerStartedAt: number() }),
  rejected: object({ type: literal('rejected'), code: literal('malformed-message'), detail: string() }),
  'settings-changed': object({ type: literal('settings-changed') }),
  'connector-status': object({ type: literal('connector-status'), connectorId: string(), status: checkConnectorStatus, version: number({ int: true }) }),
  'tool-progress': object({ type: literal('tool-progress'), callId: string(), progress: number(), total: optional(number()), message: optional(string()) }),
  'run-state': object({ type: literal('run-state'), conversationId: string(), running: boolean }),
  'context-notice': object({ type: literal('context-notice'), connectorId: string(), notice: checkContextNotice }),
  'rate-limited': object({ type: literal('rate-limited'), conversationId: string(), retryAt: number() }),
});

/** A port message from the background, checked; `success: false` for anything else. */
export const BackgroundToPanelCheck = asSchema(checkBackgroundToPanel);
