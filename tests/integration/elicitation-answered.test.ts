import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ServerRequestRow } from '@/lib/contract/server-request';
import { ServerRequestsRepository } from '@/lib/db/repositories/server-requests-repository';
import { createServerRequests, type ServerRequests } from '@/lib/requests/create-server-requests';
import { BRIEF_MS, startElicitationServer, type ElicitationServer } from '../fixtures/mcp-servers/elicitation-server';
import { HubHarness, guard, waitFor } from './connector-hub-harness';
import { answerLostRequests } from '@/lib/requests/answer-lost-requests';

const textOf = (result: CallToolResult) => result.content.map((block) => (block.type === 'text' ? block.text : '')).join('');

// A real SDK McpServer over real HTTP asks mid-call; the broker stores the request, and the test
// answers as the person would through the panel's command.
describe('a server request during a call', () => {
  let server: ElicitationServer;
  let harness: HubHarness;
  let requests: ServerRequests;
  let id: string;
  const opened: string[] = [];

  beforeEach(async () => {
    opened.length = 0;
    server = await startElicitationServer();
    harness = await HubHarness.create(undefined, {
      serverRequests: (db) => {
        requests = createServerRequests(db, new ServerRequestsRepository(db), { openTab: async (url) => void opened.push(url) });
        return { serveRequests: requests.serveRequests, callsInFlight: requests.inFlight, urlElicitationRetry: requests.urlElicitationRetry };
      },
    });
    id = await harness.add('Asker', server.url, 'streamable-http');
    await harness.hub.start();
    await harness.waitReady(id);
  });
  afterEach(async () => {
    await harness.close();
    await server.close();
  });

  const pending = (kind?: ServerRequestRow['kind']) =>
    waitFor(async () => (await harness.db.serverRequests.toArray()).find((row) => row.status === 'pending' && (!kind || row.kind === kind)), 'a pending request');
  const stored = async (requestId: string) => (await harness.db.serverRequests.get(requestId))!;

  it('waits for the person, and sends exactly what they accepted', async () => {
    const call = harness.hub.callTool(id, 'ask_form', {}, { caller: { type: 'hand-run', callId: 'h1', toolName: 'ask_form' } });
    const request = await pending();
    expect(request).toMatchObject({ kind: 'elicitation-form', connectorLabel: 'Asker', origin: { type: 'hand-run', callId: 'h1' }, toolName: 'ask_form', unfamiliar: false });
    expect(request.params.message).toBe('Share your API key with this server?');
    expect(server.answers).toEqual([]);

    await requests.broker.answer({ id: request.id, answer: { action: 'accept', content: { share: false, scope: 'notes' } } });
    expect(textOf(await guard(call, 5_000, 'the call'))).toBe('The client answered accept. {"share":false,"scope":"notes"}');
    expect(server.answers).toEqual([{ action: 'accept', content: { share: false, scope: 'notes' } }]);
    const audit = await harness.db.audit.toArray();
    expect(audit).toEqual([expect.objectContaining({ kind: 'server-request', toolName: 'ask_form', detail: expect.objectContaining({ outcome: 'accepted', response: { action: 'accept', content: { share: false, scope: 'notes' } } }) })]);
  });

  it('refuses an accepted form that breaks its schema, and keeps the request open', async () => {
    const call = harness.hub.callTool(id, 'ask_form', {}, {});
    const request = await pending();
    await expect(requests.broker.answer({ id: request.id, answer: { action: 'accept', content: { share: 'yes' } } })).rejects.toMatchObject({ code: 'invalid-answer' });
    await expect(requests.broker.answer({ id: request.id, answer: { action: 'accept', content: { other: 'x' } } })).rejects.toMatchObject({ code: 'invalid-answer' });
    expect((await stored(request.id)).status).toBe('pending');
    await requests.broker.answer({ id: request.id, answer: { action: 'decline' } });
    expect(textOf(await call)).toBe('The client answered decline.');
    expect(server.answers).toEqual([{ action: 'decline' }]);
  });

  it('sends cancel when the person dismisses it', async () => {
    const call = harness.hub.callTool(id, 'ask_form', {}, {});
    await requests.broker.answer({ id: (await pending()).id, answer: { action: 'cancel' } });
    expect(textOf(await call)).toBe('The client answered cancel.');
  });

  it('declines a nested form at once, and stores why for the person', async () => {
    const result = await harness.hub.callTool(id, 'ask_nested', {}, {});
    expect(textOf(result)).toBe('The client answered decline.');
    const [row] = await harness.db.serverRequests.toArray();
    expect(row).toMatchObject({ status: 'done', outcome: 'refused', response: { action: 'decline' } });
    expect(row?.reason).toContain('“address” is a nested object');
  });

  it('shows a request expired when the server stops waiting, and a late answer is refused', async () => {
    const result = await guard(harness.hub.callTool(id, 'ask_briefly', {}, {}), BRIEF_MS + 5_000, 'the brief call');
    expect(textOf(result)).toMatch(/The request failed/);
    const row = await waitFor(async () => (await harness.db.serverRequests.toArray()).find((r) => r.status === 'done'), 'the expiry');
    expect(row.outcome).toBe('expired');
    await expect(requests.broker.answer({ id: row.id, answer: { action: 'decline' } })).rejects.toMatchObject({ code: 'request-settled' });
    expect(server.answers).toHaveLength(1);
    expect(server.answers[0]).toHaveProperty('error');
  });

  it('opens a URL only when the person accepts, and records the server saying it is complete', async () => {
    const call = harness.hub.callTool(id, 'ask_url', {}, {});
    const request = await pending('elicitation-url');
    expect(request.params).toMatchObject({ url: 'https://confirm.example.com/start?x=1', elicitationId: 'link-1' });
    expect(opened).toEqual([]);
    await requests.broker.answer({ id: request.id, answer: { action: 'accept' } });
    expect(opened).toEqual(['https://confirm.example.com/start?x=1']);
    expect(textOf(await call)).toBe('The client answered accept.');
    await server.complete('link-1');
    await waitFor(async () => (await stored(request.id)).completedAt !== undefined, 'the completion to be recorded');
  });

  it('retries a call that needed a link (-32042) once the link is opened and completed', async () => {
    const call = harness.hub.callTool(id, 'needs_link', {}, { caller: { type: 'hand-run', callId: 'h2', toolName: 'needs_link' } });
    const request = await pending('elicitation-url');
    expect(request).toMatchObject({ origin: { type: 'hand-run', callId: 'h2' }, params: { url: 'https://accounts.example.com/link', message: 'Link your account first.' } });
    await requests.broker.answer({ id: request.id, answer: { action: 'accept' } });
    expect(opened).toEqual(['https://accounts.example.com/link']);
    await server.complete('link-2');
    expect(textOf(await guard(call, 5_000, 'the retried call'))).toBe('Linked, thank you.');
  });

  it('ends a call that needed a link with a clear error when the person declines it', async () => {
    const call = harness.hub.callTool(id, 'needs_link', {}, {});
    await requests.broker.answer({ id: (await pending('elicitation-url')).id, answer: { action: 'decline' } });
    await expect(call).rejects.toThrow(/needs you to open a link/);
    expect(opened).toEqual([]);
  });

  it('a request waiting when the worker dies ends as lost at wake, and the server hears cancel on the resumed session', async () => {
    const call = harness.hub.callTool(id, 'ask_form', {}, {});
    const request = await pending();
    // A dead worker says nothing: the old hub is frozen (never closed, which would expire its
    // requests as a clean shutdown does) while a new worker starts over the same database.
    const dead = harness;
    harness = dead.restarted();
    const lost: ServerRequestRow[] = [];
    expect(await requests.broker.settleLostAtWake(undefined, (row) => lost.push(row))).toBe(1);
    expect(await stored(request.id)).toMatchObject({ status: 'done', outcome: 'lost' });
    await harness.hub.start();
    await harness.waitForState(id, 'connected');
    expect(await answerLostRequests(lost, harness.hub, new ServerRequestsRepository(harness.db))).toBe(1);
    await waitFor(() => server.answers.length > 0, 'the server to hear the answer');
    expect(server.answers).toEqual([{ action: 'cancel' }]);
    const row = await stored(request.id);
    expect(row.response).toEqual({ action: 'cancel' });
    expect(row.reason).toContain('sent cancel');
    const audit = (await harness.db.audit.toArray()).map((entry) => entry.detail.outcome);
    expect(audit).toEqual(['lost', 'lost']);
    await dead.close();
    await call.catch(() => undefined);
    expect((await stored(request.id)).outcome).toBe('lost');
  });
});
