import { afterEach, describe, expect, it } from 'vitest';
import type { MessagePart } from '@/lib/db/message-parts';
import { retryNoticeId } from '@/lib/chat/parts';
import { READ, byType, startHarness, type Harness } from './engine-harness';

let h: Harness;
afterEach(async () => {
  await h.close();
});

const complete = { type: 'complete' as const };
const running = { type: 'running' as const };
const requiresAction = { type: 'requires-action' as const };

const user = (text: string): MessagePart[] => [{ id: 'u', type: 'text', text, status: complete }];
const readCall = (status: MessagePart['status']): MessagePart => ({
  id: 'tc', type: 'tool-call', callId: 'c1', connectorId: 'conn-1', toolName: 'read_file', argsText: '{"path":"p"}', args: { path: 'p' }, status,
});
const writeCall = (status: MessagePart['status']): MessagePart => ({
  id: 'tc', type: 'tool-call', callId: 'c1', connectorId: 'conn-1', toolName: 'write_file', toolFingerprint: 'fp-write', argsText: '{"path":"p","text":"t"}', args: { path: 'p', text: 't' }, status,
});
const approval = (decision: 'pending' | 'allow'): MessagePart => ({
  id: 'ap', type: 'approval', callId: 'c1', decision, remembered: false, status: decision === 'pending' ? requiresAction : complete,
});
const result: MessagePart = { id: 'tr', type: 'tool-result', callId: 'c1', result: { content: [{ type: 'text', text: 'R' }] }, isError: false, sizeBytes: 10, status: complete };

/** Persists a conversation as a dead worker would have left it. */
async function persisted(assistant?: MessagePart[]): Promise<void> {
  await h.store.append({ conversationId: h.conversationId, role: 'user', parts: user('do it') });
  if (assistant) await h.store.append({ conversationId: h.conversationId, role: 'assistant', parts: assistant });
}

describe('resume after a worker restart', () => {
  it('keeps a cut streaming answer and marks it interrupted, without calling the model', async () => {
    h = await startHarness();
    await persisted([
      { id: 'r', type: 'reasoning', text: 'thinking', status: running },
      { id: 't', type: 'text', text: 'Half an ans', status: running },
    ]);
    const outcome = await h.engine.resume(h.conversationId);
    expect(outcome.state).toEqual({ type: 'idle', why: 'ended' });
    const parts = await h.lastParts();
    expect(parts.map((p) => [p.type, p.status.type === 'incomplete' && p.status.reason.code])).toEqual([
      ['reasoning', 'interrupted'],
      ['text', 'interrupted'],
    ]);
    expect(byType(parts, 'text')[0]!.text).toBe('Half an ans');
    expect(h.modelRequests()).toHaveLength(0);
  });

  it('re-sends a read-only call that was in flight once, then lets the model go on', async () => {
    h = await startHarness();
    await persisted([readCall(running)]);
    h.server.script([{ type: 'text', text: 'Got it.' }]);
    const outcome = await h.engine.resume(h.conversationId);
    expect(outcome.state).toEqual({ type: 'idle', why: 'answered' });
    expect(h.calls.map((c) => c.toolName)).toEqual(['read_file']);
    const step = (await h.history())[1]!.parts;
    expect(step.find((p) => p.id === retryNoticeId('c1'))).toMatchObject({ type: 'error', code: 'tool-retried' });
    expect(byType(step, 'tool-result')[0]).toMatchObject({ callId: 'c1', isError: false });
    expect(JSON.stringify(h.modelRequests()[0]!.messages)).toContain('contents of p');
  });

  it('does not re-send a read-only call a second time after a second restart', async () => {
    h = await startHarness();
    await persisted([readCall(running), { id: retryNoticeId('c1'), type: 'error', code: 'tool-retried', message: 'retried', status: complete }]);
    const outcome = await h.engine.resume(h.conversationId);
    expect(outcome.state).toEqual({ type: 'idle', why: 'ended' });
    expect(h.calls).toHaveLength(0);
    expect(byType(await h.lastParts(), 'tool-call')[0]!.status).toMatchObject({ reason: { code: 'interrupted' } });
  });

  it('marks a write call in flight outcome-unknown and never re-sends it', async () => {
    h = await startHarness();
    await persisted([writeCall(running), approval('allow')]);
    const outcome = await h.engine.resume(h.conversationId);
    expect(outcome.state).toEqual({ type: 'idle', why: 'ended' });
    expect(h.calls).toHaveLength(0);
    expect(h.modelRequests()).toHaveLength(0);
    expect(byType(await h.lastParts(), 'tool-call')[0]!.status).toMatchObject({ type: 'incomplete', reason: { code: 'outcome-unknown' } });
    // A later message tells the model the call has no known result, instead of an API error.
    h.server.script([{ type: 'text', text: 'ok' }]);
    await h.engine.begin(h.conversationId, { type: 'send', text: 'what happened?' }).done;
    expect(h.calls).toHaveLength(0);
    const tool = (h.modelRequests()[0]!.messages as { role: string; content: string }[]).find((m) => m.role === 'tool')!;
    expect(tool.content).toContain('may or may not have run');
  });

  it('sends an approved write call that had not left yet', async () => {
    h = await startHarness();
    await persisted([writeCall(requiresAction), approval('allow')]);
    h.server.script([{ type: 'text', text: 'Written.' }]);
    expect((await h.engine.resume(h.conversationId)).state).toEqual({ type: 'idle', why: 'answered' });
    expect(h.calls.map((c) => c.args)).toEqual([{ path: 'p', text: 't' }]);
  });

  it('keeps waiting on a pending approval', async () => {
    h = await startHarness();
    await persisted([writeCall(requiresAction), approval('pending')]);
    expect((await h.engine.resume(h.conversationId)).state).toEqual({ type: 'awaiting-approval', callIds: ['c1'] });
    expect(h.calls).toHaveLength(0);
    expect(h.modelRequests()).toHaveLength(0);
  });

  it.each([
    ['the user spoke last', undefined],
    ['every tool result is in', [readCall(complete), result]],
  ])('calls the model when %s', async (_when, assistant) => {
    h = await startHarness();
    await persisted(assistant as MessagePart[] | undefined);
    h.server.script([{ type: 'text', text: 'Answer.' }]);
    expect((await h.engine.resume(h.conversationId)).state).toEqual({ type: 'idle', why: 'answered' });
    expect(h.modelRequests()).toHaveLength(1);
  });

  it.each([
    ['a final answer', [{ id: 't', type: 'text', text: 'Done.', status: complete }], 'answered'],
    ['an error', [{ id: 'e', type: 'error', code: 'bad-key', message: 'no', status: { type: 'incomplete', reason: { code: 'error', message: 'no' } } }], 'ended'],
    ['a cancelled call', [readCall({ type: 'incomplete', reason: { code: 'cancelled', message: 'Stopped' } })], 'ended'],
  ])('does nothing after %s', async (_after, assistant, why) => {
    h = await startHarness();
    await persisted(assistant as MessagePart[]);
    expect((await h.engine.resume(h.conversationId)).state).toEqual({ type: 'idle', why });
    expect(h.modelRequests()).toHaveLength(0);
    expect(h.calls).toHaveLength(0);
  });

  it('resumes recent conversations when the worker wakes', async () => {
    h = await startHarness();
    await persisted([{ id: 't', type: 'text', text: 'cut', status: running }]);
    await h.engine.resumeRecent();
    expect(byType(await h.lastParts(), 'text')[0]!.status).toMatchObject({ reason: { code: 'interrupted' } });
  });
});

describe('the model sees the name it used', () => {
  it('names stored calls with the current mapping', async () => {
    h = await startHarness();
    await persisted([readCall(complete), result]);
    h.server.script([{ type: 'text', text: 'ok' }]);
    await h.engine.resume(h.conversationId);
    expect(JSON.stringify(h.modelRequests()[0]!.messages)).toContain(READ);
  });
});
