import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admitToolCall, type AdmissionContext } from '@/lib/chat/admit-tool-call';
import { ConversationStore } from '@/lib/chat/conversation-store';
import type { PatchbayDatabase } from '@/lib/db/database';
import { MessagePartSchema } from '@/lib/db/message-parts';
import { openDatabase } from '@/lib/db/open-database';
import { MessageRowSchema } from '@/lib/db/rows';
import { buildModelTools } from '@/lib/llm/model-tools';
import { connectorRow } from './engine-harness';

const RUNS = { numRuns: 200 };

/** What a model may write as a call's arguments: any text, JSON of any shape, or a valid call bent out of shape. */
const argsText = fc.oneof(
  fc.string(),
  fc.json(),
  fc.jsonValue().map((value) => JSON.stringify({ path: value, text: value })),
  fc.record({ path: fc.string(), text: fc.string() }).chain((valid) =>
    fc.constantFrom(
      JSON.stringify(valid),
      JSON.stringify(valid).slice(0, -1),
      JSON.stringify({ ...valid, path: 1e999 }).replace('null', '1e999'),
      JSON.stringify({ ...valid, __proto__: { polluted: true } }).replace('"polluted"', '"__proto__"'),
      `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
      `{"path": "a", "text": "b", "path": 7}`,
    ),
  ),
);

describe('admitting a model-produced tool call, whatever its name, id and arguments', () => {
  let db: PatchbayDatabase;
  let store: ConversationStore;
  let context: AdmissionContext;
  const tools = buildModelTools([connectorRow()]);

  beforeAll(async () => {
    db = await openDatabase(`patchbay-admit-property-${Date.now()}`);
    await db.connectors.put(connectorRow());
    store = new ConversationStore(db);
    const conversation = await store.conversations.create({ title: 'p', connectorIds: ['conn-1'], model: null });
    context = { store, conversationId: conversation.id, history: [], panelSessionId: 'panel', keepAcrossReloads: false };
  });
  afterAll(() => db.close());

  it('never throws; its parts and the message holding them parse with their schemas; every refusal says why', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...tools.tools.map((tool) => tool.modelName)), fc.string()), fc.string(), argsText, async (name, callId, text) => {
        const parts = await admitToolCall({ callId, name, argsText: text }, tools, context);
        expect(parts.length).toBeGreaterThan(0);
        for (const part of parts) expect(MessagePartSchema.safeParse(part).success).toBe(true);
        for (const part of parts) {
          if (part.status.type === 'incomplete') expect(part.status.reason.message.trim()).not.toBe('');
          if (part.type === 'tool-result' && part.isError) expect(JSON.stringify(part.result)).toMatch(/"text":"[^"]/);
        }
        const stored = await store.append({ conversationId: context.conversationId, role: 'assistant', parts });
        const [readBack] = (await store.history(context.conversationId)).filter((row) => row.id === stored.id);
        expect(MessageRowSchema.safeParse(readBack).success).toBe(true);
        await db.messages.delete(stored.id);
      }),
      RUNS,
    );
  });

  it('refuses as a tool error, instead of throwing out of the step, a call to a tool whose schema cannot be used', async () => {
    const row = connectorRow('conn-broken');
    row.label = 'Broken';
    row.tools = [{ name: 'write_file', inputSchema: { type: 'object', properties: { path: { $ref: '#/$defs/missing' } } } }];
    await db.connectors.put(row);
    const broken = buildModelTools([row]);
    const conversation = await store.conversations.create({ title: 'broken', connectorIds: ['conn-broken'], model: null });
    const parts = await admitToolCall({ callId: 'c1', name: broken.tools[0]!.modelName, argsText: '{"path":"a"}' }, broken, { ...context, conversationId: conversation.id });
    expect(parts.map((part) => [part.type, part.status.type])).toEqual([
      ['tool-call', 'incomplete'],
      ['tool-result', 'complete'],
    ]);
    expect(JSON.stringify(parts[1])).toMatch(/input schema cannot be used/);
  });
});
