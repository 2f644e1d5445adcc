import { afterEach, describe, expect, it } from 'vitest';
import { ModelRateLimitedError } from '@/lib/llm/model-errors';
import { READ, WRITE, byType, callIdOf, hangUntilAborted, startHarness, until, type Harness } from './engine-harness';

let h: Harness;
afterEach(async () => {
  await h.close();
});

/** The tool messages of a Chat Completions request. */
const toolMessages = (body: Record<string, unknown>) =>
  (body.messages as { role: string; tool_call_id?: string; content?: string }[]).filter((m) => m.role === 'tool');

describe('a write tool call', () => {
  /** Patchbay's id of the pending call (the model named it `call_1_0`). */
  let call: string;
  async function stopAtApproval(): Promise<void> {
    h = await startHarness();
    h.server.script([{ type: 'tool-calls', calls: [{ name: WRITE, arguments: '{"path":"a","text":"b"}' }] }]);
    const outcome = await h.engine.begin(h.conversationId, { type: 'send', text: 'write it' }).done;
    call = callIdOf(await h.lastParts(), 'call_1_0');
    expect(outcome.state).toEqual({ type: 'awaiting-approval', callIds: [call] });
  }

  it('stops the run with a pending approval part and sends nothing', async () => {
    await stopAtApproval();
    expect(h.calls).toHaveLength(0);
    expect(h.modelRequests()).toHaveLength(1);
    const parts = await h.lastParts();
    expect(byType(parts, 'tool-call')[0]).toMatchObject({ status: { type: 'requires-action' }, args: { path: 'a', text: 'b' }, toolFingerprint: 'fp-write' });
    expect(byType(parts, 'approval')[0]).toMatchObject({ callId: call, decision: 'pending', status: { type: 'requires-action' } });
    expect(h.engine.runningConversationIds().includes(h.conversationId)).toBe(false);
  });

  it('runs the call once allowed and goes on to the model with its result', async () => {
    await stopAtApproval();
    h.server.script([{ type: 'text', text: 'Written.' }]);
    const outcome = await h.engine.begin(h.conversationId, { type: 'decide', callId: call, decision: 'allow', remembered: true }).done;
    expect(outcome.state).toEqual({ type: 'idle', why: 'answered' });
    expect(h.calls.map((c) => c.toolName)).toEqual(['write_file']);
    expect(toolMessages(h.modelRequests()[1]!)[0]!.content).toContain('contents of a');
    const step = (await h.history())[1]!.parts;
    expect(byType(step, 'approval')[0]).toMatchObject({ decision: 'allow', remembered: true, status: { type: 'complete' } });
    expect(byType(step, 'tool-call')[0]!.status).toEqual({ type: 'complete' });
  });

  it('sends a denial to the model as a tool error and continues, without calling the tool', async () => {
    await stopAtApproval();
    h.server.script([{ type: 'text', text: 'Understood, not writing.' }]);
    const outcome = await h.engine.begin(h.conversationId, { type: 'decide', callId: call, decision: 'deny', remembered: false }).done;
    expect(outcome.state).toEqual({ type: 'idle', why: 'answered' });
    expect(h.calls).toHaveLength(0);
    expect(toolMessages(h.modelRequests()[1]!)[0]!.content).toContain('The user denied this call');
    const step = (await h.history())[1]!.parts;
    expect(byType(step, 'tool-call')[0]!.status).toMatchObject({ type: 'incomplete', reason: { code: 'denied' } });
  });

  it('refuses a decision for a call that is not pending', async () => {
    await stopAtApproval();
    await expect(h.engine.begin(h.conversationId, { type: 'decide', callId: 'call_9_9', decision: 'allow', remembered: false }).done).rejects.toMatchObject({ code: 'approval-not-found' });
    await h.engine.begin(h.conversationId, { type: 'decide', callId: call, decision: 'deny', remembered: false }).done;
    await expect(h.engine.begin(h.conversationId, { type: 'decide', callId: call, decision: 'allow', remembered: false }).done).rejects.toMatchObject({ name: 'ApprovalAlreadyDecidedError', code: 'already-decided' });
  });
});

describe('stop', () => {
  it('aborts a streaming answer and keeps the cut text as cancelled', async () => {
    h = await startHarness({ flushIntervalMs: 10 });
    const full = 'word '.repeat(200);
    h.server.script([{ type: 'text', text: full, delayMsPerChunk: 15 }]);
    const run = h.engine.begin(h.conversationId, { type: 'send', text: 'talk' }).done;
    await until(async () => {
      const last = (await h.history()).at(-1);
      return last?.role === 'assistant' && byType(last.parts, 'text')[0]?.text.length;
    });
    await h.engine.stop(h.conversationId);
    const outcome = await run;
    expect(outcome.state).toEqual({ type: 'idle', why: 'ended' });
    const text = byType(await h.lastParts(), 'text')[0]!;
    expect(text.status).toMatchObject({ type: 'incomplete', reason: { code: 'cancelled' } });
    expect(text.text.length).toBeGreaterThan(0);
    expect(full.startsWith(text.text)).toBe(true);
    expect(text.text.length).toBeLessThan(full.length);
    expect(h.engine.runningConversationIds().includes(h.conversationId)).toBe(false);
  });

  it('aborts a tool call in flight through its signal and marks it cancelled', async () => {
    h = await startHarness();
    h.answer = ({ signal }) => hangUntilAborted(signal);
    h.server.script([{ type: 'tool-calls', calls: [{ name: READ, arguments: '{"path":"x"}' }, { name: READ, arguments: '{"path":"y"}' }] }]);
    const run = h.engine.begin(h.conversationId, { type: 'send', text: 'read' }).done;
    await until(() => h.calls.length === 1);
    await h.engine.stop(h.conversationId);
    expect((await run).state).toEqual({ type: 'idle', why: 'ended' });
    expect(h.calls[0]!.signal.aborted).toBe(true);
    expect(h.calls).toHaveLength(1);
    const calls = byType(await h.lastParts(), 'tool-call');
    expect(calls.map((c) => c.status)).toEqual([
      expect.objectContaining({ type: 'incomplete', reason: expect.objectContaining({ code: 'cancelled' }) }),
      expect.objectContaining({ type: 'incomplete', reason: expect.objectContaining({ code: 'cancelled' }) }),
    ]);
    expect(h.modelRequests()).toHaveLength(1);
  });
});

describe('limits and failures', () => {
  it('ends at the step limit with an error part saying so', async () => {
    h = await startHarness({ stepLimit: 2 });
    const step = { type: 'tool-calls' as const, calls: [{ name: READ, arguments: '{"path":"loop"}' }] };
    h.server.script([step, step, step]);
    const outcome = await h.engine.begin(h.conversationId, { type: 'send', text: 'loop forever' }).done;
    expect(outcome.state).toEqual({ type: 'idle', why: 'ended' });
    expect(h.modelRequests()).toHaveLength(2);
    const error = byType(await h.lastParts(), 'error')[0]!;
    expect(error).toMatchObject({ code: 'step-limit', status: { type: 'incomplete', reason: { code: 'step-limit' } } });
    expect(error.message).toContain('2 model steps');
  });

  it('counts steps per turn: a new message starts again', async () => {
    h = await startHarness({ stepLimit: 2 });
    h.server.script([{ type: 'tool-calls', calls: [{ name: READ, arguments: '{"path":"1"}' }] }, { type: 'text', text: 'one' }]);
    await h.engine.begin(h.conversationId, { type: 'send', text: 'first' }).done;
    h.server.script([{ type: 'tool-calls', calls: [{ name: READ, arguments: '{"path":"2"}' }] }, { type: 'text', text: 'two' }]);
    expect((await h.engine.begin(h.conversationId, { type: 'send', text: 'second' }).done).state).toEqual({ type: 'idle', why: 'answered' });
  });

  it('writes a rate limit it will not wait out (over a minute) as an error part and returns it with its retry time', async () => {
    h = await startHarness();
    h.server.script([{ type: 'error', status: 429, headers: { 'retry-after': '120' } }]);
    const outcome = await h.engine.begin(h.conversationId, { type: 'send', text: 'hi' }).done;
    expect(outcome.error).toBeInstanceOf(ModelRateLimitedError);
    expect(outcome.error).toMatchObject({ retryAfterMs: 120_000 });
    expect((await h.history()).map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(outcome.state).toEqual({ type: 'idle', why: 'ended' });
    expect(byType(await h.lastParts(), 'error')[0]).toMatchObject({ code: 'rate-limited' });
  });

  it('batches streamed text: far fewer writes than deltas', async () => {
    h = await startHarness({ flushIntervalMs: 10_000 });
    let puts = 0;
    const put = h.store.put.bind(h.store);
    h.store.put = (row) => {
      puts += 1;
      return put(row);
    };
    h.server.script([{ type: 'text', text: 'token '.repeat(100) }]);
    await h.engine.begin(h.conversationId, { type: 'send', text: 'stream' }).done;
    const deltas = h.events.filter((e) => e.type === 'model-event' && e.event.type === 'text-delta').length;
    expect(deltas).toBeGreaterThan(100);
    expect(puts).toBeLessThanOrEqual(2);
    expect(byType(await h.lastParts(), 'text')[0]!.text).toBe('token '.repeat(100));
  });
});

