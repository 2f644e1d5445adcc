import { afterEach, describe, expect, it } from 'vitest';
import type { ModelEvent, ModelMessage } from '@/lib/llm/model-events';
import type { MessagePart } from '@/lib/db/message-parts';
import { READ, WRITE, byType, startWithFakeModel, until, type Harness } from './engine-harness';
import { text, type FakeModel, type FakeTurn } from './fake-model';
import { auditOf } from '../../fixtures/audit-rows';

let h: Harness;
let model: FakeModel;
afterEach(async () => {
  await h.close();
});

const call = (callId: string, name: string, args: Record<string, unknown>): ModelEvent => ({ type: 'tool-call', callId, name, argsText: JSON.stringify(args) });
const step = (...calls: ModelEvent[]): FakeTurn => ({ events: [...calls, { type: 'finish', reason: 'tool-calls' }] });
const WRITE_ARGS = { path: 'secret.txt', text: 'owned' };

async function sendAndSettle(message: string): Promise<MessagePart[]> {
  await h.engine.begin(h.conversationId, { type: 'send', text: message, panelSessionId: 'p1' }).done;
  await until(() => !h.engine.runningConversationIds().includes(h.conversationId));
  // The step with the calls, not the answer that may follow it.
  return (await h.history()).filter((m) => m.parts.some((p) => p.type === 'tool-call')).at(-1)!.parts;
}

async function decide(callId: string, decision: 'allow' | 'deny'): Promise<void> {
  await h.engine.begin(h.conversationId, { type: 'decide', callId, decision, remembered: false, panelSessionId: 'p1' }).done;
  await until(() => !h.engine.runningConversationIds().includes(h.conversationId));
}

/** The assistant message of the model's `index`th request that carries tool calls, with the answers after it. */
function roundTrip(index: number): { ids: string[]; answers: Map<string, string> } {
  const messages = model.requests[index]!.messages;
  const assistant = messages.filter((m): m is Extract<ModelMessage, { role: 'assistant' }> => m.role === 'assistant').at(-1)!;
  const answers = new Map(messages.filter((m): m is Extract<ModelMessage, { role: 'tool' }> => m.role === 'tool').map((m) => [m.callId, m.text]));
  return { ids: assistant.toolCalls.map((c) => c.callId), answers };
}

describe('call ids are untrusted', () => {
  it('a write then a read with the same id: no write is sent until its card is approved, then exactly the call the card shows', async () => {
    ({ h, model } = await startWithFakeModel());
    model.script(step(call('dup', WRITE, WRITE_ARGS), call('dup', READ, { path: 'notes.txt' })), text('Waiting.'), text('Done.'));
    const parts = await sendAndSettle('go');
    expect(h.calls.filter((c) => c.toolName === 'write_file')).toEqual([]);

    const calls = byType(parts, 'tool-call');
    expect(new Set(calls.map((c) => c.callId)).size).toBe(2);
    const [pending] = byType(parts, 'approval').filter((a) => a.decision === 'pending');
    const shown = calls.find((c) => c.callId === pending!.callId)!;
    expect(shown).toMatchObject({ toolName: 'write_file', args: WRITE_ARGS, providerCallId: 'dup' });
    // The repeated one ends as a tool error for the model; it never reaches the server either.
    const repeated = calls.find((c) => c.toolName === 'read_file')!;
    expect(repeated.status).toMatchObject({ type: 'incomplete', reason: { code: 'error', message: expect.stringMatching(/"dup".*same step/) } });
    expect(h.calls).toEqual([]);

    await decide(pending!.callId, 'allow');
    expect(h.calls.map(({ toolName, args }) => ({ toolName, args }))).toEqual([{ toolName: 'write_file', args: WRITE_ARGS }]);
    const audit = await auditOf(h.db, h.conversationId);
    expect(audit.map((row) => [row.kind, row.detail.callId])).toEqual([['approved', pending!.callId], ['write-call', pending!.callId]]);
  });

  it('a read then a write with the same id: the read runs, the write is refused without a card and never sent', async () => {
    ({ h, model } = await startWithFakeModel());
    model.script(step(call('dup', READ, { path: 'notes.txt' }), call('dup', WRITE, WRITE_ARGS)), text('Done.'));
    const parts = await sendAndSettle('go');
    expect(h.calls.map((c) => c.toolName)).toEqual(['read_file']);
    expect(byType(parts, 'approval')).toEqual([]);
    const write = byType(parts, 'tool-call').find((c) => c.toolName === 'write_file')!;
    expect(write.status).toMatchObject({ type: 'incomplete', reason: { code: 'error' } });
    expect(byType(parts, 'tool-result').find((r) => r.callId === write.callId)).toMatchObject({ isError: true });
  });

  it('gives the model a unique id for every call of the round trip, and each answer under its own id', async () => {
    ({ h, model } = await startWithFakeModel());
    model.script(step(call('dup', READ, { path: 'a' }), call('dup', READ, { path: 'b' }), call('', READ, { path: 'c' })), text('Done.'));
    await sendAndSettle('go');
    expect(h.calls.map((c) => c.args)).toEqual([{ path: 'a' }]);
    const { ids, answers } = roundTrip(1);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
    expect(ids[0]).toBe('dup');
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(answers.get('dup')).toContain('contents of a');
    expect(answers.get(ids[1]!)).toMatch(/dup.*same step/);
    expect(answers.get(ids[2]!)).toMatch(/no call id/i);
  });

  it('refuses an id already used earlier in the conversation, and an absurdly long one', async () => {
    ({ h, model } = await startWithFakeModel());
    const long = 'x'.repeat(257);
    model.script(step(call('first', READ, { path: 'a' })), text('One.'), step(call('first', READ, { path: 'b' }), call(long, READ, { path: 'c' }), call('y'.repeat(256), READ, { path: 'd' })), text('Two.'));
    await sendAndSettle('one');
    const parts = await sendAndSettle('two');
    expect(h.calls.map((c) => c.args)).toEqual([{ path: 'a' }, { path: 'd' }]);
    const [again, tooLong] = byType(parts, 'tool-call');
    expect(again!.status).toMatchObject({ reason: { message: expect.stringMatching(/"first".*already used/) } });
    expect(tooLong!.status).toMatchObject({ reason: { message: expect.stringMatching(/257 characters.*256/) } });
    expect(JSON.stringify(model.requests.at(-1)!.messages)).not.toContain(long);
  });

  it('answers a call to an unknown tool with a tool error under a unique id', async () => {
    ({ h, model } = await startWithFakeModel());
    model.script(step(call('u1', 'Files__format_disk', {}), call('u1', 'nope', {})), text('Done.'));
    const parts = await sendAndSettle('go');
    expect(h.calls).toEqual([]);
    const results = byType(parts, 'tool-result');
    expect(results).toHaveLength(2);
    expect(results.every((r) => r.isError)).toBe(true);
    const { ids, answers } = roundTrip(1);
    expect(new Set(ids).size).toBe(2);
    expect(answers.get('u1')).toMatch(/no tool named/i);
  });

  it('keeps working with stored calls that have no provider id (rows from before)', async () => {
    ({ h, model } = await startWithFakeModel());
    const row = await h.store.append({
      conversationId: h.conversationId, role: 'assistant',
      parts: [
        { id: 'tc', type: 'tool-call', callId: 'old-1', connectorId: 'conn-1', toolName: 'read_file', argsText: '{"path":"p"}', args: { path: 'p' }, status: { type: 'complete' } },
        { id: 'tr', type: 'tool-result', callId: 'old-1', result: { content: [{ type: 'text', text: 'R' }] }, isError: false, sizeBytes: 10, status: { type: 'complete' } },
      ],
    });
    expect(row.parts[0]).not.toHaveProperty('providerCallId');
    model.script(step(call('old-1', READ, { path: 'q' })), text('Done.'));
    await sendAndSettle('again');
    expect(h.calls).toEqual([]);
    const first = model.requests[0]!.messages.find((m) => m.role === 'tool');
    expect(first).toMatchObject({ callId: 'old-1' });
  });
});

describe('the gate in a run', () => {
  it('settles a call whose approval is not a real allow with a tool error, sends the approved one, and goes on', async () => {
    ({ h, model } = await startWithFakeModel());
    const write = (id: string, path: string): MessagePart => ({
      id: `part-${id}`, type: 'tool-call', callId: id, providerCallId: `p-${id}`, connectorId: 'conn-1', toolName: 'write_file', toolFingerprint: 'fp-write',
      argsText: JSON.stringify({ path, text: 't' }), args: { path, text: 't' }, status: { type: 'requires-action' },
    });
    await h.store.append({ conversationId: h.conversationId, role: 'user', parts: [{ id: 'u', type: 'text', text: 'write', status: { type: 'complete' } }] });
    await h.store.append({
      conversationId: h.conversationId, role: 'assistant',
      parts: [
        write('tampered', 'a'),
        // An allow that never completed, as a tampered or half-imported row might carry.
        { id: 'ap-a', type: 'approval', callId: 'tampered', decision: 'allow', remembered: false, status: { type: 'requires-action' } },
        write('honest', 'b'),
        { id: 'ap-b', type: 'approval', callId: 'honest', decision: 'pending', remembered: false, status: { type: 'requires-action' } },
      ],
    });
    model.script(text('Done.'));
    await decide('honest', 'allow');
    expect(h.calls.map((c) => c.args.path)).toEqual(['b']);
    const step = (await h.history())[1]!.parts;
    expect(byType(step, 'tool-call')[0]!.status).toMatchObject({ type: 'incomplete', reason: { code: 'error' } });
    expect(byType(step, 'tool-result').find((r) => r.callId === 'tampered')).toMatchObject({ isError: true });
    expect(model.requests).toHaveLength(1);
  });
});
