import { afterEach, describe, expect, it } from 'vitest';
import type { ServerRequestSettlement } from '@/lib/contract/server-request-reply';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { ConnectorsRepository } from '@/lib/db/repositories/connectors-repository';
import { ConversationsRepository } from '@/lib/db/repositories/conversations-repository';
import { ServerRequestsRepository } from '@/lib/db/repositories/server-requests-repository';
import { DEFAULT_REQUEST_RETENTION, ServerRequestRetention } from '@/lib/db/repositories/server-request-retention';
import type { RequestLocation } from '@/lib/requests/locate-request';
import { RequestPruner } from '@/lib/requests/request-pruner';
import { ServerRequestBroker } from '@/lib/requests/server-request-broker';
import { until } from './broker-harness';

let db: PatchbayDatabase | undefined;
afterEach(() => db?.close());

const HAND_RUN: RequestLocation = { origin: { type: 'hand-run', callId: 'h1' }, conversationId: null, toolName: 'flood', unfamiliar: false };
const REFUSED: ServerRequestSettlement = { outcome: 'refused', reply: { type: 'result', result: { action: 'decline' } }, reason: 'A form Patchbay cannot show.' };

/** A broker whose settlements feed a real pruner over a fresh database, as `createServerRequests` wires them. */
async function wired(location: { current: RequestLocation }) {
  db = await openDatabase(`patchbay-pruner-${crypto.randomUUID()}`);
  const pruner = new RequestPruner(new ServerRequestRetention(db), { delayMs: 20 });
  const broker = new ServerRequestBroker({ requests: new ServerRequestsRepository(db), locate: async () => location.current, onSettled: (row) => pruner.settled(row) });
  return { db, pruner, broker };
}

/** A server that sends `count` requests, each of which ends at once (refused), as fast as it can. */
async function flood(broker: ServerRequestBroker, count: number, connectorId = 'hostile'): Promise<void> {
  const signal = new AbortController().signal;
  const ask = (n: number) => broker.open({ connectorId, connectorLabel: 'Hostile', kind: 'elicitation-form', params: { message: `Request ${n}` }, rpcRequestId: n, signal, refuse: REFUSED });
  for (let start = 0; start < count; start += 100) await Promise.all(Array.from({ length: Math.min(100, count - start) }, (_, at) => ask(start + at)));
}

function recordingRetention(gate?: Promise<void>) {
  const calls: string[] = [];
  return {
    calls,
    retention: {
      pruneConnector: async (id: string) => ((calls.push(`connector ${id}`), await gate), 0),
      pruneConversation: async (id: string) => (calls.push(`conversation ${id}`), 0),
      connectorIds: async () => ['c1'],
      forgetConnector: async (id: string) => (calls.push(`forget ${id}`), 0),
    },
  };
}

describe('the request pruner', () => {
  it('gathers settlements and prunes each connector and conversation once per batch, never on the caller’s turn', async () => {
    const { calls, retention } = recordingRetention();
    const pruner = new RequestPruner(retention, { delayMs: 10 });
    for (let n = 0; n < 300; n += 1) expect(pruner.settled({ connectorId: `c${n % 2}`, conversationId: n % 3 === 0 ? null : `v${n % 3}` })).toBeUndefined();
    expect(calls).toEqual([]);
    await until(() => calls.length === 4, 'the batch');
    await pruner.idle();
    expect(calls.sort()).toEqual(['connector c0', 'connector c1', 'conversation v1', 'conversation v2']);
  });

  it('a failing prune is reported, and the next batch still runs', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const pruner = new RequestPruner(
      { ...recordingRetention().retention, pruneConnector: async () => { if (fail) throw new Error('quota'); return 0; } },
      { delayMs: 60_000, onError: (error) => errors.push(error) },
    );
    pruner.settled({ connectorId: 'c1', conversationId: null });
    await expect(pruner.flush()).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
    fail = false;
    pruner.settled({ connectorId: 'c1', conversationId: null });
    await pruner.flush();
    expect(errors).toHaveLength(1);
  });

  it('at wake, one connector whose prune fails leaves the others to be pruned', async () => {
    const errors: unknown[] = [];
    const { calls, retention } = recordingRetention();
    const pruner = new RequestPruner(
      { ...retention, connectorIds: async () => ['broken', 'c1', 'gone'], pruneConnector: async (id) => { if (id === 'broken') throw new Error('damaged'); return retention.pruneConnector(id); } },
      { onError: (error) => errors.push(error) },
    );
    await pruner.atWake(async (id) => id !== 'gone');
    expect(calls).toEqual(['connector c1', 'forget gone']);
    expect(errors).toEqual([new Error('damaged')]);
  });

  it('a prune under way never holds up an answer', async () => {
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const { calls, retention } = recordingRetention(gate);
    const pruner = new RequestPruner(retention, { delayMs: 60_000 });
    const broker = new ServerRequestBroker({ requests: new ServerRequestsRepository((db = await openDatabase(`patchbay-pruner-${crypto.randomUUID()}`))), locate: async () => HAND_RUN, onSettled: (row) => pruner.settled(row) });
    const signal = new AbortController().signal;
    const ask = () => broker.open({ connectorId: 'c1', connectorLabel: 'Asker', kind: 'elicitation-form', params: { message: 'Name?' }, signal, refuse: REFUSED });
    await ask();
    const pruning = pruner.flush();
    await until(() => calls.length === 1, 'the prune to start');
    // The prune is stuck on its gate; another request still arrives, ends and is answered.
    await expect(ask()).resolves.toEqual(REFUSED.reply);
    open();
    await pruning;
  });

  it('a request waiting when its connector is removed releases the server’s handler once the connection ends', async () => {
    const { db: d, broker } = await wired({ current: HAND_RUN });
    const connection = new AbortController();
    const reply = broker.open({ connectorId: 'gone', connectorLabel: 'Gone', kind: 'elicitation-form', params: { message: 'Name?' }, signal: connection.signal });
    let id = '';
    await until(async () => ((id = String((await d.serverRequests.toCollection().primaryKeys())[0] ?? '')), id !== ''), 'the stored request');
    await new ConnectorsRepository(d).remove('gone');
    connection.abort('closed');
    await expect(reply).resolves.toEqual({ type: 'result', result: { action: 'cancel' } });
    expect(await d.serverRequests.count()).toBe(0);
    expect(broker.isWaiting(id)).toBe(false);
  });

  it('the cap holds under a flood: 2,000 requests from one hand run leave the newest 200', async () => {
    const { db: d, pruner, broker } = await wired({ current: HAND_RUN });
    await flood(broker, 2_000);
    await until(async () => (await pruner.idle(), (await d.serverRequests.count()) <= DEFAULT_REQUEST_RETENTION.settledPerConnector), 'the prune after the flood');
    const kept = await d.serverRequests.where('[connectorId+status+receivedAt]').between(['hostile', 'done', 0], ['hostile', 'done', Infinity]).toArray();
    expect(kept).toHaveLength(200);
    // The newest are the ones kept, and every decision is still in the audit.
    expect(Math.min(...kept.map((row) => row.rpcRequestId as number))).toBeGreaterThanOrEqual(1_700);
    expect(await d.audit.count()).toBe(2_000);
  }, 60_000);

  it('the cap holds under a flood into one conversation, whose newest 500 stay; a neighbour connector keeps its own', async () => {
    const place = { current: HAND_RUN };
    const { db: d, pruner, broker } = await wired(place);
    const chat = (await new ConversationsRepository(d).create({ title: 'flooded', connectorIds: ['hostile'], model: null })).id;
    await flood(broker, 5, 'neighbour');
    place.current = { origin: { type: 'chat-call', conversationId: chat, callId: 'k1' }, conversationId: chat, toolName: 'flood', unfamiliar: false };
    await flood(broker, 1_200);
    await pruner.flush();
    await pruner.idle();
    expect(await d.serverRequests.where('[conversationId+receivedAt]').between([chat, 0], [chat, Infinity]).count()).toBe(DEFAULT_REQUEST_RETENTION.settledPerConversation);
    expect(await d.serverRequests.where('connectorId').equals('neighbour').count()).toBe(5);
  }, 60_000);
});
