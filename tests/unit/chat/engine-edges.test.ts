import { afterEach, describe, expect, it } from 'vitest';
import { ModelNotFoundError } from '@/lib/llm/model-errors';
import { runStateOf, stepsThisTurn } from '@/lib/chat/run-state';
import type { MessagePart } from '@/lib/db/message-parts';
import type { MessageRow } from '@/lib/db/rows';
import { WRITE, byType, startHarness, until, type Harness } from './engine-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('engine edges', () => {
  it('settles a pending approval as cancelled when the user sends a new message instead', async () => {
    h = await startHarness();
    h.server.script([{ type: 'tool-calls', calls: [{ name: WRITE, arguments: '{"path":"a","text":"b"}' }] }, { type: 'text', text: 'ok' }]);
    await h.engine.begin(h.conversationId, { type: 'send', text: 'write' }).done;
    await h.engine.begin(h.conversationId, { type: 'send', text: 'never mind' }).done;
    expect(h.calls).toHaveLength(0);
    const step = (await h.history())[1]!.parts;
    expect(byType(step, 'approval')[0]!.status).toMatchObject({ type: 'incomplete', reason: { code: 'cancelled' } });
    const tool = (h.modelRequests()[1]!.messages as { role: string; content: string }[]).find((m) => m.role === 'tool')!;
    expect(tool.content).toContain('instead of deciding');
  });

  it('writes an error part when no model can be made, and does not loop', async () => {
    h = await startHarness({ model: async () => Promise.reject(new ModelNotFoundError('No model is set in Settings.')) });
    const outcome = await h.engine.begin(h.conversationId, { type: 'send', text: 'hi' }).done;
    expect(outcome.state).toEqual({ type: 'idle', why: 'ended' });
    expect(outcome.error).toBeInstanceOf(ModelNotFoundError);
    expect(byType(await h.lastParts(), 'error')[0]).toMatchObject({ code: 'model-not-found', message: 'No model is set in Settings.' });
  });

  it('a new message aborts the run still streaming, keeping its cut text', async () => {
    h = await startHarness({ flushIntervalMs: 10 });
    h.server.script([{ type: 'text', text: 'slow '.repeat(200), delayMsPerChunk: 15 }, { type: 'text', text: 'second' }]);
    const first = h.engine.begin(h.conversationId, { type: 'send', text: 'one' }).done;
    await until(async () => {
      const last = (await h!.history()).at(-1);
      return last?.role === 'assistant' && byType(last.parts, 'text')[0]?.text;
    });
    const second = await h.engine.begin(h.conversationId, { type: 'send', text: 'two' }).done;
    expect((await first).state).toEqual({ type: 'idle', why: 'ended' });
    expect(second.state).toEqual({ type: 'idle', why: 'answered' });
    const roles = (await h.history()).map((m) => m.role);
    expect(roles).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(byType((await h.history())[1]!.parts, 'text')[0]!.status).toMatchObject({ reason: { code: 'cancelled' } });
  });
});

describe('runStateOf', () => {
  const row = (parts: MessageRow['parts'], role: MessageRow['role'] = 'assistant'): MessageRow => ({ id: 'm', conversationId: 'c', seq: 0, role, parts, createdAt: 0 });
  const call = (callId: string, status: MessagePart['status']): MessagePart =>
    ({ id: `t-${callId}`, type: 'tool-call', callId, connectorId: 'k', toolName: 'w', argsText: '{}', args: {}, status });
  const approval = (callId: string, decision: 'pending' | 'allow'): MessagePart =>
    ({ id: `a-${callId}`, type: 'approval', callId, decision, remembered: false, status: decision === 'pending' ? { type: 'requires-action' } : { type: 'complete' } });

  it('sends approved calls before waiting on the still pending ones', () => {
    const ra = { type: 'requires-action' } as const;
    const parts = [call('a', ra), approval('a', 'allow'), call('b', ra), approval('b', 'pending')];
    expect(runStateOf(row(parts))).toEqual({ type: 'run-tools', callIds: ['a'] });
    expect(runStateOf(row([call('b', ra), approval('b', 'pending')]))).toEqual({ type: 'awaiting-approval', callIds: ['b'] });
  });

  it('starts empty, and counts the steps since the user spoke', () => {
    expect(runStateOf(undefined)).toEqual({ type: 'idle', why: 'empty' });
    const user = row([], 'user');
    const step = row([]);
    expect(stepsThisTurn([step, user, step, step])).toBe(2);
    expect(stepsThisTurn([user])).toBe(0);
  });
});
