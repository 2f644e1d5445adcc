import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createChatCommandHandlers, type ChatCommandHandlers } from '@/lib/background/chat-command-handlers';
import { ConversationStore } from '@/lib/chat/conversation-store';
import { RunEngine } from '@/lib/chat/run-engine';
import { ATTACHMENTS_PREAMBLE } from '@/lib/chat/attachment-input';
import type { AttachedContext } from '@/lib/contract/attached-context';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_MESSAGE } from '@/lib/contract/attachment-limits';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { commandProtocol } from '@/lib/messaging/command-protocol';
import { connectorRow, until } from './engine-harness';
import { fakeModel, text, type FakeModel } from './fake-model';

let counter = 0;
let db: PatchbayDatabase;
let engine: RunEngine;
let model: FakeModel;
let store: ConversationStore;
let handlers: ChatCommandHandlers;

afterEach(async () => {
  for (const id of engine.runningConversationIds()) await engine.stop(id);
  db.close();
});

async function setup(): Promise<string> {
  db = await openDatabase(`patchbay-attachments-${++counter}-${Date.now()}`);
  await db.connectors.put(connectorRow());
  store = new ConversationStore(db);
  model = fakeModel();
  const callTool = async (): Promise<CallToolResult> => ({ content: [] });
  engine = new RunEngine({ store, callTool, model: async () => model.client });
  handlers = createChatCommandHandlers({ db, store, engine });
  return (await handlers['chat.create']({ connectorIds: ['conn-1'] })).conversationId;
}

const resource = (overrides: Partial<AttachedContext> = {}): AttachedContext => ({
  id: 'att-1',
  name: 'notes.md',
  source: { kind: 'resource', connectorId: 'conn-1', uri: 'file:///notes.md' },
  mimeType: 'text/markdown',
  text: '# Notes\nThe launch code is 1234.',
  sizeBytes: 31,
  attachedAt: 1,
  ...overrides,
});

describe('chat.send with attached context', () => {
  it('stores the attachments on the user message and gives them to the model as marked data after the user text', async () => {
    const id = await setup();
    model.script(text('Read it.'));
    await handlers['chat.send']({ conversationId: id, text: 'Summarise this', attachments: [resource()] });
    await until(() => !engine.runningConversationIds().includes(id));
    const [user] = await store.history(id);
    expect(user!.attachments).toEqual([resource()]);
    const sent = model.requests[0]!.messages[0]!;
    expect(sent).toMatchObject({ role: 'user', text: 'Summarise this' });
    const context = sent.role === 'user' ? (sent.context ?? []) : [];
    expect(context[0]).toEqual({ type: 'text', text: ATTACHMENTS_PREAMBLE });
    const block = context[1];
    expect(block?.type).toBe('text');
    const body = block?.type === 'text' ? block.text : '';
    expect(body).toMatch(/^<attached-context source="resource from an MCP server" connector="conn-1" uri="file:\/\/\/notes.md" name="notes.md"/);
    expect(body).toContain('The launch code is 1234.');
    expect(body.endsWith('</attached-context>')).toBe(true);
    // The user's own words stay exactly what they typed: the data is never merged into them.
    expect(sent.role === 'user' && sent.text).toBe('Summarise this');
  });

  it('keeps the attachments in the history of later steps and later messages', async () => {
    const id = await setup();
    model.script(text('One.'), text('Two.'));
    await handlers['chat.send']({ conversationId: id, text: 'First', attachments: [resource()] });
    await until(() => !engine.runningConversationIds().includes(id));
    await handlers['chat.send']({ conversationId: id, text: 'Second' });
    await until(() => model.requests.length === 2 && !engine.runningConversationIds().includes(id));
    const [first, , second] = model.requests[1]!.messages;
    expect(first?.role === 'user' && first.context?.length).toBe(2);
    expect(second?.role === 'user' && second.context).toBeUndefined();
  });

  it('refuses attachments over the per-item limit with a clear error and stores nothing', async () => {
    const id = await setup();
    const big = resource({ text: 'x'.repeat(MAX_ATTACHMENT_BYTES + 1), sizeBytes: MAX_ATTACHMENT_BYTES + 1 });
    await expect(handlers['chat.send']({ conversationId: id, text: 'Too big', attachments: [big] })).rejects.toMatchObject({
      code: 'attachments-refused',
      message: expect.stringMatching(/“notes\.md” is 512\.0 KB; one attachment may be at most 512\.0 KB/),
    });
    expect(await store.history(id)).toEqual([]);
    expect(model.requests).toHaveLength(0);
  });

  it('refuses more attachments than a message may carry', async () => {
    const id = await setup();
    const many = Array.from({ length: MAX_ATTACHMENTS_PER_MESSAGE + 1 }, (_, i) => resource({ id: `a${i}` }));
    await expect(handlers['chat.send']({ conversationId: id, text: 'Many', attachments: many })).rejects.toMatchObject({ code: 'attachments-refused' });
    expect(await store.history(id)).toEqual([]);
  });

  it('refuses a malformed attachment at the protocol (no name, unknown source)', () => {
    const request = commandProtocol['chat.send'].request;
    expect(request.safeParse({ conversationId: 'c', text: 'x', attachments: [{ ...resource(), name: '' }] }).success).toBe(false);
    expect(request.safeParse({ conversationId: 'c', text: 'x', attachments: [{ ...resource(), source: { kind: 'shell', cmd: 'rm' } }] }).success).toBe(false);
    expect(request.safeParse({ conversationId: 'c', text: 'x', attachments: [resource()] }).success).toBe(true);
  });
});
