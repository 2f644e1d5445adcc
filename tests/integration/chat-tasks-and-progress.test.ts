import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MessagePart } from '@/lib/db/message-parts';
import { saveConnector } from '@/lib/mcp/connectors/save-connector';
import { ConnectorsRepository } from '@/lib/db/repositories/connectors-repository';
import { ConnectorSecretsStore } from '@/lib/mcp/connectors/connector-secrets';
import { startModelServer, type ModelServer } from '../fixtures/model-server';
import { startServerEverything, type RunningServer } from '../fixtures/mcp-servers/server-everything';
import { memoryArea, startTaskLife, type TaskLife } from './chat/task-life';
import { waitFor } from './connector-hub-harness';

const KEY = 'sk-tasks';
let everything: RunningServer;
let model: ModelServer;
const lives: TaskLife[] = [];

beforeAll(async () => {
  everything = await startServerEverything('streamableHttp');
  model = await startModelServer({ apiKey: KEY, models: ['m1'] });
});
afterAll(async () => {
  await Promise.all(lives.map((life) => life.kill()));
  await model.close();
  await everything.close();
});
afterEach(async () => {
  await Promise.all(lives.splice(0).map((life) => life.kill()));
});

/** A fresh database with server-everything saved as "Everything", and a first life on it, connected and listed. */
async function firstLife(): Promise<{ life: TaskLife; databaseName: string; secrets: ReturnType<typeof memoryArea>; connectorId: string; conversationId: string }> {
  const databaseName = `patchbay-chat-tasks-${crypto.randomUUID()}`;
  const secrets = memoryArea();
  const life = await startTaskLife({ databaseName, modelUrl: model.url, apiKey: KEY, secrets });
  lives.push(life);
  const saved = await saveConnector({ label: 'Everything', url: everything.url, transport: 'streamable-http', auth: 'none', timeoutSeconds: 30, omitOrigin: false }, new ConnectorsRepository(life.db), new ConnectorSecretsStore(secrets));
  if (!saved.ok) throw new Error('could not save the connector');
  await life.hub.connectorSaved(saved.id);
  await waitFor(async () => (await life.db.connectors.get(saved.id))?.tools.some((t) => t.name === 'simulate-research-query'), 'the tools to be listed');
  const conversation = await life.store.conversations.create({ title: 't', connectorIds: [saved.id], model: null });
  return { life, databaseName, secrets, connectorId: saved.id, conversationId: conversation.id };
}

const callOf = (parts: MessagePart[]) => parts.find((p): p is Extract<MessagePart, { type: 'tool-call' }> => p.type === 'tool-call');
const modelSaw = (index: number) => JSON.stringify(model.requests.filter((r) => r.path === '/v1/chat/completions').at(index)?.body);

describe('progress and Cancel of one call in a conversation', () => {
  it('streams throttled progress, cancels the one call on the server, and the run goes on with the model told', async () => {
    const { life, conversationId } = await firstLife();
    model.script([
      { type: 'tool-calls', calls: [{ name: 'Everything__trigger-long-running-operation', arguments: '{"duration":20,"steps":40}' }] },
      { type: 'text', text: 'It was cancelled, fine.' },
    ]);
    const before = model.requests.length;
    const run = life.engine.begin(conversationId, { type: 'send', text: 'run it long' }).done;
    const progress = await waitFor(() => life.events.find((e) => e.type === 'tool-progress'), 'a progress event', 15_000);
    expect(progress).toMatchObject({ progress: { progress: expect.any(Number), total: 40 } });
    const callId = (progress as { callId: string }).callId;
    expect(life.engine.cancelCall(conversationId, callId)).toBe(true);
    const outcome = await run;
    expect(outcome.state).toEqual({ type: 'idle', why: 'answered' });
    const history = await life.store.history(conversationId);
    const parts = history.flatMap((m) => m.parts);
    expect(callOf(parts)!.status).toMatchObject({ type: 'incomplete', reason: { code: 'cancelled' } });
    expect(parts.some((p) => p.type === 'tool-result' && p.callId === callId && p.isError)).toBe(true);
    expect(model.requests.length - before).toBe(2);
    expect(modelSaw(-1)).toContain('cancelled this call');
    // The server was told: notifications/cancelled for the tools/call request.
    const sent = life.wire.filter((e) => e.direction === 'out');
    const call = sent.find((e) => e.method === 'tools/call')!.frame as { id: number };
    const cancelled = sent.find((e) => e.method === 'notifications/cancelled')?.frame as { params: { requestId: number } } | undefined;
    expect(cancelled?.params.requestId).toBe(call.id);
  });

  it('sends at most one progress update per 100 ms to panels, and none to the database', async () => {
    const { life, conversationId } = await firstLife();
    model.script([{ type: 'tool-calls', calls: [{ name: 'Everything__trigger-long-running-operation', arguments: '{"duration":1,"steps":50}' }] }, { type: 'text', text: 'ok' }]);
    await life.engine.begin(conversationId, { type: 'send', text: 'flood' }).done;
    const notifications = life.wire.filter((e) => e.method === 'notifications/progress').length;
    const updates = life.events.filter((e) => e.type === 'tool-progress').length;
    expect(notifications).toBe(50);
    expect(updates).toBeGreaterThan(0);
    expect(updates).toBeLessThanOrEqual(14);
  });
});

describe('a tool call the server runs as a task', () => {
  it('stores the task with the call; after the worker dies mid-task the next life follows it and the model gets its result', async () => {
    const first = await firstLife();
    model.script([
      { type: 'tool-calls', calls: [{ name: 'Everything__simulate-research-query', arguments: '{"topic":"tidal power"}' }] },
      { type: 'text', text: 'Here is your report.' },
    ]);
    // The tool is not read-only: a card first, approved.
    const asked = await first.life.engine.begin(first.conversationId, { type: 'send', text: 'research' }).done;
    expect(asked.state.type).toBe('awaiting-approval');
    const callId = (asked.state as { callIds: string[] }).callIds[0]!;
    void first.life.engine.begin(first.conversationId, { type: 'decide', callId, decision: 'allow', remembered: false }).done.catch(() => undefined);
    const stored = await waitFor(async () => callOf((await first.life.store.last(first.conversationId))!.parts)?.task, 'the task to be stored with the call', 10_000);
    expect(stored).toMatchObject({ status: 'working', taskId: expect.any(String) });
    await first.life.kill();

    const second = await startTaskLife({ databaseName: first.databaseName, modelUrl: model.url, apiKey: KEY, secrets: first.secrets });
    lives.push(second);
    const outcome = await second.engine.resume(first.conversationId);

    expect(outcome.state).toEqual({ type: 'idle', why: 'answered' });
    const parts = (await second.store.history(first.conversationId)).flatMap((m) => m.parts);
    const call = callOf(parts)!;
    expect(call.status.type).toBe('complete');
    expect(call.task).toMatchObject({ taskId: stored.taskId, status: 'completed' });
    expect(modelSaw(-1)).toContain('Research Report: tidal power');
    expect(second.wire.some((e) => e.direction === 'out' && e.method === 'tools/call')).toBe(false);
    // The write call's outcome is audited once it is known, by the life that learned it.
    const audit = (await second.db.table('audit').where('conversationId').equals(first.conversationId).toArray()) as { kind: string; detail: { outcome?: string } }[];
    expect(audit.filter((row) => row.kind === 'write-call').map((row) => row.detail.outcome)).toEqual(['ok']);
  }, 30_000);
});
