import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createChatCommandHandlers, type ChatCommandHandlers } from '@/lib/background/chat-command-handlers';
import { createChatEngine } from '@/lib/background/chat-engine';
import { ConversationStore } from '@/lib/chat/conversation-store';
import { RunEngine } from '@/lib/chat/run-engine';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import type { BackgroundToPanel } from '@/lib/messaging/panel-port-protocol';
import { DEFAULT_PROVIDER_SETTINGS } from '@/lib/contract/provider-settings';
import { WRITE, byType, callIdOf, connectorRow, until } from '../chat/engine-harness';
import { fakeModel, text, type FakeModel } from '../chat/fake-model';

interface Setup {
  db: PatchbayDatabase;
  store: ConversationStore;
  engine: RunEngine;
  model: FakeModel;
  handlers: ChatCommandHandlers;
  calls: string[];
}

let counter = 0;
let s: Setup;
afterEach(async () => {
  for (const id of s.engine.runningConversationIds()) await s.engine.stop(id);
  s.db.close();
});

async function setup(): Promise<Setup> {
  const db = await openDatabase(`patchbay-chat-handlers-${++counter}-${Date.now()}`);
  await db.connectors.put(connectorRow());
  const store = new ConversationStore(db);
  const model = fakeModel();
  const calls: string[] = [];
  const callTool = async (_id: string, toolName: string): Promise<CallToolResult> => {
    calls.push(toolName);
    return { content: [{ type: 'text', text: 'written' }] };
  };
  const engine = new RunEngine({ store, callTool, model: async () => model.client });
  s = { db, store, engine, model, calls, handlers: createChatCommandHandlers({ db, store, engine }) };
  return s;
}

async function created(): Promise<string> {
  return (await s.handlers['chat.create']({ connectorIds: ['conn-1'] })).conversationId;
}

const idle = (id: string) => until(() => !s.engine.runningConversationIds().includes(id));
const roles = async (id: string) => (await s.store.history(id)).map((m) => m.role);

/** Sends and lets the model stream `partial`, then stops it: the answer is left cut. */
async function cutAnswer(id: string, partial: string): Promise<void> {
  s.model.script({ events: [{ type: 'text-delta', text: partial }], hang: true });
  await s.handlers['chat.send']({ conversationId: id, text: 'Tell me a story' });
  await s.model.requested(s.model.requests.length + 1);
  await s.handlers['chat.stop']({ conversationId: id });
}

describe('chat commands', () => {
  it('creates a conversation, stores the user message and the model answer, and titles it from the message', async () => {
    await setup();
    const id = await created();
    expect(await s.store.conversation(id)).toMatchObject({ title: 'New conversation', connectorIds: ['conn-1'], model: null });
    s.model.script(text('Hello!'));
    await s.handlers['chat.send']({ conversationId: id, text: '\n  Say hello\nplease' });
    await idle(id);
    const history = await s.store.history(id);
    expect(history.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(byType(history[1]!.parts, 'text')[0]!.text).toBe('Hello!');
    expect((await s.store.conversation(id)).title).toBe('Say hello');
  });

  it('cuts a long first line to 60 characters with an ellipsis, and titles only the first message', async () => {
    await setup();
    const id = await created();
    s.model.script(text('a'), text('b'));
    await s.handlers['chat.send']({ conversationId: id, text: 'x'.repeat(100) });
    await idle(id);
    const title = (await s.store.conversation(id)).title;
    expect([...title]).toHaveLength(60);
    expect(title.endsWith('…')).toBe(true);
    await s.handlers['chat.rename']({ conversationId: id, title: 'New conversation' });
    await s.handlers['chat.send']({ conversationId: id, text: 'second' });
    await idle(id);
    expect((await s.store.conversation(id)).title).toBe('New conversation');
  });

  it('answers send once the message is stored, while the model is still answering; stop ends the run', async () => {
    await setup();
    const id = await created();
    s.model.script({ events: [{ type: 'text-delta', text: 'Once' }], hang: true });
    await s.handlers['chat.send']({ conversationId: id, text: 'Tell me a story' });
    expect(await roles(id)).toEqual(['user']);
    expect(await s.handlers['chat.running']({})).toEqual({ conversationIds: [id] });
    await s.model.requested(1);
    await s.handlers['chat.stop']({ conversationId: id });
    expect(await s.handlers['chat.running']({})).toEqual({ conversationIds: [] });
    const cut = (await s.store.history(id))[1]!;
    expect(byType(cut.parts, 'text')[0]).toMatchObject({ text: 'Once', status: { type: 'incomplete', reason: { code: 'cancelled' } } });
  });

  it('retries an answer the worker restart interrupted', async () => {
    await setup();
    const id = await created();
    await s.store.append({ conversationId: id, role: 'user', parts: [{ id: 'u', type: 'text', text: 'hi', status: { type: 'complete' } }] });
    await s.store.append({ conversationId: id, role: 'assistant', parts: [{ id: 't', type: 'text', text: 'Hal', status: { type: 'running' } }] });
    await s.engine.resumeRecent();
    expect(byType((await s.store.history(id))[1]!.parts, 'text')[0]!.status).toMatchObject({ reason: { code: 'interrupted' } });
    s.model.script(text('Hello.'));
    await s.handlers['chat.retry']({ conversationId: id });
    await idle(id);
    const history = await s.store.history(id);
    expect(history.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(byType(history[1]!.parts, 'text')[0]!.text).toBe('Hello.');
  });

  it('continues a cut answer after its kept text', async () => {
    await setup();
    const id = await created();
    await cutAnswer(id, 'Once upon');
    s.model.script(text(' a time.'));
    await s.handlers['chat.continue']({ conversationId: id });
    await idle(id);
    const [, cut, rest] = await s.store.history(id);
    expect(byType(cut!.parts, 'text')[0]).toMatchObject({ text: 'Once upon', kept: true });
    expect(byType(rest!.parts, 'text')[0]!.text).toBe(' a time.');
  });

  it('refuses retry and continue with a clear reason when nothing was cut', async () => {
    await setup();
    const id = await created();
    s.model.script(text('Done.'));
    await s.handlers['chat.send']({ conversationId: id, text: 'hi' });
    await idle(id);
    await expect(s.handlers['chat.retry']({ conversationId: id })).rejects.toThrow('There is no cut or failed answer to retry.');
    await expect(s.handlers['chat.continue']({ conversationId: id })).rejects.toThrow('There is no cut answer text to continue.');
  });

  it.each([
    ['allow', ['write_file']],
    ['deny', []],
  ] as const)('sends a write call only once it is allowed (%s)', async (decision, sent) => {
    await setup();
    const id = await created();
    s.model.script({ events: [{ type: 'tool-call', callId: 'w1', name: WRITE, argsText: '{"path":"p","text":"t"}' }, { type: 'finish', reason: 'tool-calls' }] }, text('Ok.'));
    await s.handlers['chat.send']({ conversationId: id, text: 'write p' });
    await idle(id);
    expect(s.calls).toEqual([]);
    const callId = callIdOf((await s.store.last(id))!.parts, 'w1');
    await s.handlers['chat.decide']({ conversationId: id, callId, decision, remembered: false });
    await idle(id);
    expect(s.calls).toEqual(sent);
    expect(s.model.requests).toHaveLength(2);
    expect(await roles(id)).toEqual(['user', 'assistant', 'assistant']);
  });

  it('refuses a decision on a call that waits for none', async () => {
    await setup();
    const id = await created();
    await expect(s.handlers['chat.decide']({ conversationId: id, callId: 'nope', decision: 'allow', remembered: false })).rejects.toThrow(/No pending approval/);
  });

  it('deletes a conversation with its messages and decisions, and restores it from the backup (Undo)', async () => {
    await setup();
    const id = await created();
    s.model.script(text('Hi.'));
    await s.handlers['chat.send']({ conversationId: id, text: 'hello' });
    await idle(id);
    await s.db.decisions.put({ id: 'd1', conversationId: id, connectorId: 'conn-1', toolName: 'write_file', toolFingerprint: 'fp', decision: 'allow', scope: 'conversation', decidedAt: 1 });
    await s.db.decisions.put({ id: 'd2', conversationId: 'other', connectorId: 'conn-1', toolName: 'write_file', toolFingerprint: 'fp', decision: 'allow', scope: 'conversation', decidedAt: 1 });
    const before = await s.store.history(id);
    const { backup } = await s.handlers['chat.delete']({ conversationId: id });
    expect(await s.db.conversations.get(id)).toBeUndefined();
    expect(await s.db.messages.count()).toBe(0);
    expect((await s.db.decisions.toArray()).map((d) => d.id)).toEqual(['d2']);
    expect(await s.handlers['chat.import']({ text: backup, keepId: true })).toEqual({ ok: true, conversationId: id });
    expect(await s.store.history(id)).toEqual(before);
    const copy = await s.handlers['chat.import']({ text: backup, keepId: false });
    expect(copy.ok && copy.conversationId).not.toBe(id);
  });

  it('refuses an import that is not an export, with the reason', async () => {
    await setup();
    expect(await s.handlers['chat.import']({ text: 'garbage', keepId: false })).toEqual({ ok: false, error: expect.stringMatching(/not JSON/) });
    expect(await s.handlers['chat.import']({ text: '{"format":"other"}', keepId: false })).toEqual({ ok: false, error: 'This is not a Patchbay conversation export.' });
  });

  it('renames and changes the connectors, and says when the conversation does not exist', async () => {
    await setup();
    const id = await created();
    await s.handlers['chat.rename']({ conversationId: id, title: 'Mine' });
    await s.handlers['chat.setConnectors']({ conversationId: id, connectorIds: [] });
    expect(await s.store.conversation(id)).toMatchObject({ title: 'Mine', connectorIds: [] });
    await expect(s.handlers['chat.rename']({ conversationId: 'gone', title: 'x' })).rejects.toThrow('No conversation gone.');
  });
});

describe('the background chat engine', () => {
  it('writes "Choose a model in Settings" when none is set, and tells panels when the run starts and ends', async () => {
    const db = await openDatabase(`patchbay-chat-engine-${++counter}-${Date.now()}`);
    const events: BackgroundToPanel[] = [];
    const hub = { callTool: async () => ({ content: [] }), followTask: async () => ({ content: [] }) };
    const { engine, store } = createChatEngine({ db, hub, settings: { read: async () => DEFAULT_PROVIDER_SETTINGS }, approvals: { read: async () => ({ keepDecisionsAcrossReloads: false }) }, broadcast: (e) => events.push(e) });
    s = { db, store, engine, model: fakeModel(), calls: [], handlers: createChatCommandHandlers({ db, store, engine }) };
    const id = await created();
    await s.handlers['chat.send']({ conversationId: id, text: 'hi' });
    await idle(id);
    const [, answer] = await store.history(id);
    expect(byType(answer!.parts, 'error')[0]).toMatchObject({ code: 'model-not-configured', message: 'Choose a model in Settings.' });
    expect(events).toEqual([
      { type: 'run-state', conversationId: id, running: true },
      { type: 'run-state', conversationId: id, running: false },
    ]);
  });
});

describe('chat.toolNames', () => {
  it('lists each tool under its model name and shows the tool names two connectors share', async () => {
    await setup();
    // A second connector with the same label and tools: even the model names would collide, and are split.
    await s.db.connectors.put({ ...connectorRow('conn-2'), label: 'Files ' });
    const names = await s.handlers['chat.toolNames']({ connectorIds: ['conn-1', 'conn-2'] });
    expect(names.collisions.sort()).toEqual(['read_file', 'write_file']);
    expect(names.tools).toHaveLength(4);
    const writes = names.tools.filter((t) => t.toolName === 'write_file');
    expect(writes.map((t) => t.connectorId).sort()).toEqual(['conn-1', 'conn-2']);
    expect(new Set(writes.map((t) => t.modelName)).size).toBe(2);
    expect(writes.every((t) => t.modelName.startsWith('Files__write_file_'))).toBe(true);
  });

  it('shows a tool name two differently named connectors share, though the model names differ', async () => {
    await setup();
    await s.db.connectors.put({ ...connectorRow('conn-2'), label: 'Backup', enabledTools: ['write_file'] });
    const names = await s.handlers['chat.toolNames']({ connectorIds: ['conn-1', 'conn-2'] });
    expect(names.collisions).toEqual(['write_file']);
    expect(names.tools.filter((t) => t.toolName === 'write_file').map((t) => t.modelName).sort()).toEqual(['Backup__write_file', 'Files__write_file']);
  });

  it('passes the panel session and an edited input through chat.decide', async () => {
    await setup();
    const id = await created();
    s.model.script({ events: [{ type: 'tool-call', callId: 'w1', name: WRITE, argsText: '{"path":"p","text":"t"}' }, { type: 'finish', reason: 'tool-calls' }] }, text('Ok.'));
    await s.handlers['chat.send']({ conversationId: id, text: 'write', panelSessionId: 'p1' });
    await idle(id);
    const callId = callIdOf((await s.store.last(id))!.parts, 'w1');
    await s.handlers['chat.decide']({ conversationId: id, callId, decision: 'allow', remembered: true, editedArgs: { path: 'q', text: 'u' }, panelSessionId: 'p1' });
    await idle(id);
    expect(s.calls).toEqual(['write_file']);
    expect(await s.db.decisions.toArray()).toEqual([expect.objectContaining({ panelSessionId: 'p1', decision: 'allow' })]);
    await expect(s.handlers['chat.decide']({ conversationId: id, callId, decision: 'allow', remembered: false })).rejects.toMatchObject({ code: 'already-decided' });
  });
});

