import { afterEach, describe, expect, it } from 'vitest';
import type { ServerRequestKindHandler } from '@/lib/requests/server-request-kind';
import { ServerRequestError } from '@/lib/requests/server-request-error';
import { brokerHarness, until } from './broker-harness';

type Harness = Awaited<ReturnType<typeof brokerHarness>>;
let harness: Harness | undefined;
afterEach(() => harness?.db.close());

const asked = { connectorId: 'c1', connectorLabel: 'Asker', kind: 'elicitation-form' as const, params: { message: 'Your name?' }, rpcRequestId: 7 };

/** A kind that accepts `{ ok: true }` and refuses anything else, as a real kind's schema would. */
const strictKind: ServerRequestKindHandler = {
  async answer(_row, answer) {
    if (answer.ok !== true) throw new ServerRequestError('invalid-answer', 'Say ok.');
    return { type: 'settle', settlement: { outcome: 'accepted', reply: { type: 'result', result: { action: 'accept', content: { name: 'Ada' } } } } };
  },
};

async function openOne(h: Harness, signal = new AbortController().signal) {
  const reply = h.broker.open({ ...asked, signal });
  let id = '';
  await until(async () => ((id = (await h.db.serverRequests.toArray())[0]?.id ?? ''), id !== ''), 'the stored request');
  return { reply, id };
}

describe('the server-request broker', () => {
  it('stores a request where the locator puts it and waits for the person', async () => {
    harness = await brokerHarness({ origin: { type: 'chat-call', conversationId: 'v1', callId: 'k1' }, conversationId: 'v1', toolName: 'ask', unfamiliar: false });
    harness.broker.register('elicitation-form', strictKind);
    const { reply, id } = await openOne(harness);
    const row = await harness.requests.get(id);
    expect(row).toMatchObject({ status: 'pending', conversationId: 'v1', origin: { type: 'chat-call', callId: 'k1' }, toolName: 'ask', unfamiliar: false, rpcRequestId: 7 });
    expect(harness.broker.isWaiting(id)).toBe(true);

    await harness.broker.answer({ id, answer: { ok: true } });
    await expect(reply).resolves.toEqual({ type: 'result', result: { action: 'accept', content: { name: 'Ada' } } });
    expect(await harness.requests.get(id)).toMatchObject({ status: 'done', outcome: 'accepted', response: { action: 'accept', content: { name: 'Ada' } } });
    const audit = await harness.db.audit.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ kind: 'server-request', conversationId: 'v1', connectorId: 'c1', toolName: 'ask', detail: { requestId: id, outcome: 'accepted', response: { content: { name: 'Ada' } } } });
  });

  it('keeps the request open when the answer does not fit, and says why', async () => {
    harness = await brokerHarness();
    harness.broker.register('elicitation-form', strictKind);
    const { id } = await openOne(harness);
    await expect(harness.broker.answer({ id, answer: { ok: 'no' } })).rejects.toMatchObject({ code: 'invalid-answer', message: 'Say ok.' });
    expect((await harness.requests.get(id))?.status).toBe('pending');
    expect(await harness.db.audit.count()).toBe(0);
  });

  it('marks the request expired when the server stops waiting, and refuses a late answer', async () => {
    harness = await brokerHarness();
    harness.broker.register('elicitation-form', strictKind);
    const controller = new AbortController();
    const { reply, id } = await openOne(harness, controller.signal);
    controller.abort('Request timed out');
    await expect(reply).resolves.toMatchObject({ type: 'result', result: { action: 'cancel' } });
    const row = await harness.requests.get(id);
    expect(row).toMatchObject({ status: 'done', outcome: 'expired' });
    expect(row?.reason).toContain('Request timed out');
    expect(row?.response).toBeUndefined();
    await expect(harness.broker.answer({ id, answer: { ok: true } })).rejects.toMatchObject({ code: 'request-settled' });
    expect(await harness.db.audit.count()).toBe(1);
  });

  it('settles a request once: a second settlement changes nothing', async () => {
    harness = await brokerHarness();
    const { reply, id } = await openOne(harness);
    expect(await harness.broker.settle(id, { outcome: 'declined', reply: { type: 'result', result: { action: 'decline' } } })).toBe(true);
    expect(await harness.broker.settle(id, { outcome: 'accepted', reply: { type: 'result', result: { action: 'accept' } } })).toBe(false);
    await expect(reply).resolves.toEqual({ type: 'result', result: { action: 'decline' } });
    expect((await harness.requests.get(id))?.outcome).toBe('declined');
    expect(await harness.db.audit.count()).toBe(1);
  });

  it('refuses a request at once when told to, storing and auditing it with the reason', async () => {
    harness = await brokerHarness();
    const reply = await harness.broker.open({ ...asked, signal: new AbortController().signal, refuse: { outcome: 'refused', reason: 'Nested objects are not allowed.', reply: { type: 'result', result: { action: 'decline' } } } });
    expect(reply).toEqual({ type: 'result', result: { action: 'decline' } });
    const [row] = await harness.db.serverRequests.toArray();
    expect(row).toMatchObject({ status: 'done', outcome: 'refused', reason: 'Nested objects are not allowed.', response: { action: 'decline' } });
    expect((await harness.db.audit.toArray())[0]?.detail).toMatchObject({ outcome: 'refused', reason: 'Nested objects are not allowed.' });
  });

  it('moves an open request on through advance, never to done, and not after it ended', async () => {
    harness = await brokerHarness();
    const { id } = await openOne(harness);
    expect(await harness.broker.advance(id, { status: 'review', draft: { text: 'hi' } })).toBe(true);
    expect(await harness.requests.get(id)).toMatchObject({ status: 'review', draft: { text: 'hi' } });
    await expect(harness.requests.advance(id, { status: 'done' })).rejects.toThrow(/settle/);
    await harness.broker.settle(id, { outcome: 'discarded', reply: { type: 'error', code: -1, message: 'The user discarded the answer.' } });
    expect(await harness.broker.advance(id, { status: 'sampling' })).toBe(false);
    expect((await harness.requests.get(id))?.response).toEqual({ error: { code: -1, message: 'The user discarded the answer.' } });
  });

  it('answers a request it does not know, or of a kind it cannot answer, with a clear error', async () => {
    harness = await brokerHarness();
    await expect(harness.broker.answer({ id: 'nope', answer: {} })).rejects.toMatchObject({ code: 'request-not-found' });
    const { id } = await openOne(harness);
    await expect(harness.broker.answer({ id, answer: {} })).rejects.toMatchObject({ code: 'invalid-answer' });
  });
});

describe('a worker that restarts with requests waiting', () => {
  it('ends every request the dead worker left open as lost, with the reason, audited', async () => {
    harness = await brokerHarness();
    const left = await harness.broker.store(asked);
    await harness.broker.advance((await harness.broker.store({ ...asked, kind: 'sampling' })).id, { status: 'review' });
    const fresh = harness.restartedBroker();
    const live = fresh.open({ ...asked, signal: new AbortController().signal });
    await until(async () => (await harness!.db.serverRequests.count()) === 3, 'the new request');

    expect(await fresh.settleLostAtWake()).toBe(2);
    const rows = await harness.db.serverRequests.toArray();
    const lost = rows.filter((row) => row.outcome === 'lost');
    expect(lost.map((row) => row.id)).toContain(left.id);
    expect(lost).toHaveLength(2);
    expect(lost.every((row) => row.status === 'done' && (row.reason ?? '').includes('background stopped'))).toBe(true);
    // The request this worker holds is still open and answerable.
    expect(rows.filter((row) => row.status === 'pending')).toHaveLength(1);
    expect((await harness.db.audit.toArray()).filter((entry) => entry.detail.outcome === 'lost')).toHaveLength(2);
    void live;
  });
});
