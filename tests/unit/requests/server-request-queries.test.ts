import { afterEach, describe, expect, it } from 'vitest';
import type { ServerRequestRow } from '@/lib/contract/server-request';
import { openRequestsOutsideConversations, openRequestsWithoutConversation, requestsByCall, requestsOfConversation, requestsOfHandRun } from '@/lib/db/server-request-queries';
import { usedInConversation } from '@/lib/requests/used-in-conversation';
import { brokerHarness } from './broker-harness';

let harness: Awaited<ReturnType<typeof brokerHarness>> | undefined;
afterEach(() => harness?.db.close());

const row = (id: string, over: Partial<ServerRequestRow>): ServerRequestRow => ({
  id, connectorId: 'c1', connectorLabel: 'Asker', kind: 'elicitation-form', params: {}, origin: { type: 'none', conversationId: null },
  conversationId: null, unfamiliar: true, receivedAt: 0, status: 'pending', ...over,
});

describe("the panel's reads of server requests", () => {
  it('lists a conversation, a hand run and the open requests outside any conversation', async () => {
    harness = await brokerHarness();
    await harness.db.serverRequests.bulkAdd([
      row('a', { conversationId: 'v1', origin: { type: 'chat-call', conversationId: 'v1', callId: 'k1' }, receivedAt: 2 }),
      row('b', { conversationId: 'v1', origin: { type: 'none', conversationId: 'v1' }, receivedAt: 1 }),
      row('c', { origin: { type: 'hand-run', callId: 'h1' }, receivedAt: 3 }),
      row('d', { receivedAt: 4 }),
      row('e', { receivedAt: 5, status: 'done', outcome: 'expired' }),
      row('f', { conversationId: 'v2', origin: { type: 'chat-call', conversationId: 'v2', callId: 'k3' } }),
    ]);
    await harness.db.serverRequests.add({ id: 'broken', conversationId: 'v1', receivedAt: 9 } as never);

    const ofV1 = await requestsOfConversation(harness.db, 'v1');
    expect(ofV1.map((r) => r.id)).toEqual(['b', 'a']);
    const grouped = requestsByCall(ofV1);
    expect(grouped.byCall.get('k1')?.map((r) => r.id)).toEqual(['a']);
    expect(grouped.outside.map((r) => r.id)).toEqual(['b']);
    expect((await requestsOfHandRun(harness.db, 'c1', 'h1')).map((r) => r.id)).toEqual(['c']);
    expect((await openRequestsOutsideConversations(harness.db)).map((r) => r.id)).toEqual(['d']);
    // A reopened panel has no Run dialog for an open hand run: the top of the Chat tab lists it too.
    expect((await openRequestsWithoutConversation(harness.db)).map((r) => r.id)).toEqual(['c', 'd']);
  });

  it('tells whether a conversation used a connector from its stored tool calls', async () => {
    harness = await brokerHarness();
    const used = usedInConversation(harness.db);
    await harness.db.messages.add({ id: 'm1', conversationId: 'v1', seq: 0, role: 'assistant', createdAt: 0, parts: [{ id: 'p', type: 'tool-call', callId: 'k', connectorId: 'c1', toolName: 't', args: {}, argsText: '{}', status: { type: 'running' } }] } as never);
    expect(await used('v1', 'c1')).toBe(true);
    expect(await used('v1', 'c2')).toBe(false);
    expect(await used('v2', 'c1')).toBe(false);
  });
});
