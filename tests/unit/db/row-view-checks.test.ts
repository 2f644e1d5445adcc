import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ChatConnectorSchema } from '@/lib/db/chat-connectors';
import { connectorFieldChecks } from '@/lib/db/connector-field-checks';
import { connectorFields } from '@/lib/db/connector-fields';
import { ConversationHeadSchema } from '@/lib/db/conversation-head';
import { ConversationListItemSchema } from '@/lib/db/conversation-list';
import { ConversationRowSchema } from '@/lib/db/rows';
import { bent, expectSameVerdict, hostileLeaf } from '../contract/same-verdicts';

/**
 * The first screen's row views are checked without zod. Each is held here to the zod schema it
 * replaced (the same fields, from the whole row's own schemas), on valid rows bent out of shape.
 */
const zodListItem = ConversationRowSchema.pick({ id: true, title: true, updatedAt: true });
const zodHead = ConversationRowSchema.pick({ id: true, title: true, connectorIds: true, whatIf: true, systemPrompt: true });
const zodChatTool = z.object({
  name: z.string(),
  description: z.string().optional(),
  inputSchema: z.looseObject({ type: z.literal('object') }),
  annotations: z.looseObject({ readOnlyHint: z.boolean().optional() }).optional(),
});
/** ChatConnectorSchema as it was written with zod, on the live `connectorFields`. */
const zodChatConnector = z.object({
  ...connectorFields,
  tools: z.array(z.unknown()).transform((items) => items.flatMap((item) => (zodChatTool.safeParse(item).success ? [zodChatTool.parse(item)] : []))),
});

const RUNS = { numRuns: 2_000 };
const text = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 's'.repeat(20_001)));
const conversation = fc.record(
  { id: text, title: text, updatedAt: fc.double(), connectorIds: fc.array(fc.oneof(text, hostileLeaf)), whatIf: fc.boolean(), systemPrompt: text, model: fc.constant(null) },
  { requiredKeys: ['id', 'title', 'updatedAt', 'connectorIds'] },
);
const tool = bent(
  fc.record({
    name: text,
    description: text,
    inputSchema: bent(fc.record({ type: fc.constantFrom('object', 'string'), properties: fc.dictionary(fc.string(), fc.anything()) })),
    annotations: bent(fc.record({ readOnlyHint: fc.boolean(), title: fc.string() }, { requiredKeys: [] })),
  }, { requiredKeys: ['name', 'inputSchema'] }),
);
const connector = fc.record(
  {
    id: text, label: text, url: fc.oneof(fc.webUrl(), fc.constantFrom('not a url', ' http://x ', 'mailto:a@b', '')),
    transport: fc.constantFrom('auto', 'streamable-http', 'sse', 'ws'), auth: fc.constantFrom('none', 'oauth', 'bearer', 'headers', 'constructor'),
    enabledTools: fc.array(text), disabledTools: fc.array(text), toolsFetchedAt: fc.oneof(fc.constant(null), fc.double()),
    toolFingerprints: fc.oneof(fc.dictionary(text, text), fc.constant(JSON.parse('{"__proto__": "x", "a": "b"}'))),
    sessionId: fc.oneof(fc.constant(null), text), protocolVersion: fc.oneof(fc.constant(null), text), lastEventId: fc.oneof(fc.constant(null), text),
    transportUsed: fc.constantFrom(null, 'sse', 'streamable-http', 'auto'), instructions: fc.oneof(fc.constant(null), text, hostileLeaf),
    timeoutMs: fc.oneof(fc.integer(), fc.double()), maxTotalTimeoutMs: fc.oneof(fc.integer(), fc.double()), omitOrigin: fc.boolean(), askAlways: fc.boolean(),
    logLevel: fc.oneof(fc.constantFrom('debug', 'error', 'loud'), hostileLeaf), createdAt: fc.double(), updatedAt: fc.double(),
    tools: fc.oneof(fc.array(tool, { maxLength: 4 }), hostileLeaf),
  },
  { requiredKeys: ['id', 'label', 'url', 'transport', 'auth', 'enabledTools', 'toolsFetchedAt', 'toolFingerprints', 'sessionId', 'protocolVersion', 'transportUsed', 'timeoutMs', 'omitOrigin', 'createdAt', 'updatedAt', 'tools'] },
);

describe('the first screen’s row checks without zod', () => {
  it('a conversation list item: the verdicts and results of ConversationRowSchema’s fields', () => {
    fc.assert(fc.property(bent(conversation), (row) => expectSameVerdict(ConversationListItemSchema, zodListItem, row)), RUNS);
  });

  it('the open conversation’s head: the same, the system prompt’s length limit included', () => {
    fc.assert(fc.property(bent(conversation), (row) => expectSameVerdict(ConversationHeadSchema, zodHead, row)), RUNS);
    const long = { id: 'c', title: 't', connectorIds: [], systemPrompt: 's'.repeat(20_001) };
    expect(ConversationHeadSchema.safeParse(long).success).toBe(false);
    expect(ConversationHeadSchema.safeParse({ ...long, systemPrompt: 's'.repeat(20_000) }).success).toBe(true);
  });

  it('a chat connector: the verdicts and results of the zod view, tools dropped one by one as there', () => {
    fc.assert(fc.property(bent(connector), (row) => expectSameVerdict(ChatConnectorSchema, zodChatConnector, row)), RUNS);
  });

  it('checks every field of the whole row’s `connectorFields`, no more and no fewer', () => {
    expect(Object.keys(connectorFieldChecks).sort()).toEqual(Object.keys(connectorFields).sort());
  });
});
