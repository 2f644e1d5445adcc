import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelEvent } from '@/lib/llm/model-events';
import { WRITE, byType, startWithFakeModel, until, type Harness } from './engine-harness';
import { text, type FakeModel } from './fake-model';
import { auditOf } from '../../fixtures/audit-rows';

let h: Harness;
let model: FakeModel;
afterEach(async () => {
  await h.close();
});

const write = (callId: string, path: string): ModelEvent => ({ type: 'tool-call', callId, name: WRITE, argsText: JSON.stringify({ path, text: 't' }) });

/** A step with two write calls, both waiting for their cards; returns their call ids (a, b). */
async function twoPendingWrites(): Promise<[string, string]> {
  model.script({ events: [write('w1', 'a'), write('w2', 'b'), { type: 'finish', reason: 'tool-calls' }] }, text('Both written.'));
  await h.engine.begin(h.conversationId, { type: 'send', text: 'write both', panelSessionId: 'p1' }).done;
  const approvals = byType(await h.lastParts(), 'approval');
  expect(approvals.map((a) => a.decision)).toEqual(['pending', 'pending']);
  return [approvals[0]!.callId, approvals[1]!.callId];
}

/** Makes the fake server hold every call until `release(path)`. */
function holdCalls(): { release(path: string): void; inFlight(path: string): boolean } {
  const waiting = new Map<string, (result: CallToolResult) => void>();
  h.answer = (record) => new Promise((resolve) => waiting.set(String(record.args.path), resolve));
  return {
    release: (path) => waiting.get(path)?.({ content: [{ type: 'text', text: `wrote ${path}` }] }),
    inFlight: (path) => waiting.has(path),
  };
}

const decide = (callId: string, decision: 'allow' | 'deny' = 'allow') =>
  h.engine.begin(h.conversationId, { type: 'decide', callId, decision, remembered: false, panelSessionId: 'p1' });

describe('decisions are idempotent', () => {
  it('approving a second card does not abort the approved call already in flight', async () => {
    ({ h, model } = await startWithFakeModel());
    const [a, b] = await twoPendingWrites();
    const server = holdCalls();
    const first = decide(a);
    await first.accepted;
    await until(() => server.inFlight('a'));

    const second = decide(b);
    await second.accepted;
    expect(h.calls[0]!.signal.aborted).toBe(false);
    server.release('a');
    await until(() => server.inFlight('b'));
    server.release('b');
    await Promise.all([first.done, second.done]);
    await until(() => !h.engine.runningConversationIds().includes(h.conversationId));

    expect(h.calls.map((c) => c.args.path)).toEqual(['a', 'b']);
    const step = (await h.history())[1]!.parts;
    expect(byType(step, 'tool-call').map((c) => c.status.type)).toEqual(['complete', 'complete']);
    const audit = await auditOf(h.db, h.conversationId);
    expect(audit.map((row) => [row.kind, row.detail.callId, row.detail.outcome])).toEqual([
      ['approved', a, undefined],
      ['approved', b, undefined],
      ['write-call', a, 'ok'],
      ['write-call', b, 'ok'],
    ]);
    expect((await h.lastParts()).some((p) => p.type === 'text' && p.text === 'Both written.')).toBe(true);
  });

  it('two decisions at once for the same card (two panels, a double click) send one call; the second is refused by name', async () => {
    ({ h, model } = await startWithFakeModel());
    const [a] = await twoPendingWrites();
    const once = decide(a);
    const twice = decide(a);
    await once.accepted;
    await expect(twice.accepted).rejects.toMatchObject({ code: 'already-decided', message: expect.stringMatching(/already approved/) });
    await once.done;
    await twice.done.catch(() => undefined);
    await until(() => !h.engine.runningConversationIds().includes(h.conversationId));
    expect(h.calls.map((c) => c.args.path)).toEqual(['a']);
    const audit = await auditOf(h.db, h.conversationId);
    expect(audit.map((row) => [row.kind, row.detail.outcome])).toEqual([['approved', undefined], ['write-call', 'ok']]);
  });

  it('a second decision while the first one’s call is in flight neither aborts it nor adds to the audit', async () => {
    ({ h, model } = await startWithFakeModel());
    const [a] = await twoPendingWrites();
    const server = holdCalls();
    const once = decide(a);
    await until(() => server.inFlight('a'));
    const late = decide(a, 'deny');
    await expect(late.accepted).rejects.toMatchObject({ code: 'already-decided' });
    expect(h.calls[0]!.signal.aborted).toBe(false);
    server.release('a');
    await once.done;
    await until(() => !h.engine.runningConversationIds().includes(h.conversationId));
    const audit = await auditOf(h.db, h.conversationId);
    expect(audit.map((row) => [row.kind, row.detail.outcome])).toEqual([['approved', undefined], ['write-call', 'ok']]);
    expect(byType((await h.history())[1]!.parts, 'tool-call')[0]!.status.type).toBe('complete');
  });

  it('Stop still reaches a call in flight after a later decision joined the run', async () => {
    ({ h, model } = await startWithFakeModel());
    const [a, b] = await twoPendingWrites();
    h.answer = (record) => new Promise((_resolve, reject) => record.signal.addEventListener('abort', () => reject(new Error('aborted'))));
    decide(a);
    await until(() => h.calls.length === 1);
    await decide(b).accepted;
    await h.engine.stop(h.conversationId);
    await until(() => !h.engine.runningConversationIds().includes(h.conversationId));
    expect(h.calls[0]!.signal.aborted).toBe(true);
    expect(h.calls).toHaveLength(1);
  });
});
