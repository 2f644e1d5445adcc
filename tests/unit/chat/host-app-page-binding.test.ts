import type { CallToolResult, ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { AppResources } from '@/lib/apps/app-resources';
import { ConversationStore } from '@/lib/chat/conversation-store';
import { RunEngine, type RunCommand } from '@/lib/chat/run-engine';
import { MCP_APP_MIME_TYPE } from '@/lib/contract/app-resource';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import type { ConnectorRow } from '@/lib/db/rows';
import { callThen } from './approval-harness';
import { byType, callIdOf, connectorRow, until } from './engine-harness';
import { fakeModel, text, type FakeModel } from './fake-model';

const PAGE_URI = 'ui://draw/app.html';
const DRAW = 'Files__draw';

/** The Files connector with a write tool `draw` that declares an app page. */
function drawConnector(): ConnectorRow {
  const row = connectorRow();
  return {
    ...row,
    enabledTools: [...row.enabledTools, 'draw'],
    tools: [...row.tools, { name: 'draw', description: 'Draws.', inputSchema: { type: 'object', properties: { shape: { type: 'string' } } }, _meta: { ui: { resourceUri: PAGE_URI } } }],
    toolFingerprints: { ...row.toolFingerprints, draw: 'fp-draw' },
  };
}

interface PageHarness {
  db: PatchbayDatabase;
  store: ConversationStore;
  model: FakeModel;
  pages: AppResources;
  /** What the server serves as the page; `null` makes `resources/read` fail. */
  served: { html: string | null };
  reads: string[];
  calls: string[];
  conversationId: string;
  run(command: RunCommand): Promise<void>;
  callId(providerId: string): Promise<string>;
}

let h: PageHarness | undefined;
let counter = 0;
afterEach(async () => {
  if (!h) return;
  for (const id of engine.runningConversationIds()) await engine.stop(id);
  h.db.close();
  h = undefined;
});
let engine: RunEngine;

async function start(): Promise<PageHarness> {
  const db = await openDatabase(`patchbay-app-page-${++counter}-${Date.now()}`);
  await db.connectors.put(drawConnector());
  const store = new ConversationStore(db);
  const model = fakeModel();
  const served: PageHarness['served'] = { html: '<p>page one</p>' };
  const reads: string[] = [];
  const calls: string[] = [];
  const pages = new AppResources({
    connector: (id) => store.connector(id),
    readResource: async (_id, uri): Promise<ReadResourceResult> => {
      reads.push(uri);
      if (served.html === null) throw new Error('connection reset');
      return { contents: [{ uri, mimeType: MCP_APP_MIME_TYPE, text: served.html }] };
    },
  });
  engine = new RunEngine({
    store,
    model: async () => model.client,
    appPage: (connectorId, toolName) => pages.forTool(connectorId, toolName),
    callTool: async (_c, toolName): Promise<CallToolResult> => {
      calls.push(toolName);
      return { content: [{ type: 'text', text: `${toolName} done` }] };
    },
  });
  const conversationId = (await store.conversations.create({ title: 't', connectorIds: ['conn-1'], model: null })).id;
  const lastParts = async () => (await store.last(conversationId))!.parts;
  return {
    db, store, model, pages, served, reads, calls, conversationId,
    run: async (command) => {
      await engine.begin(conversationId, command).done;
      await until(() => !engine.runningConversationIds().includes(conversationId));
    },
    callId: async (providerId) => callIdOf(await lastParts(), providerId),
  };
}

/** The model calls `draw`; the user approves with "Remember" in panel p1. */
async function rememberDraw(p: PageHarness): Promise<void> {
  p.model.script(callThen('d0', DRAW, { shape: 'circle' }), text('Drawn.'));
  await p.run({ type: 'send', text: 'draw', panelSessionId: 'p1' });
  await p.run({ type: 'decide', callId: await p.callId('d0'), decision: 'allow', remembered: true, panelSessionId: 'p1' });
  expect(p.calls).toEqual(['draw']);
}

/** The newest approval part in the conversation (the last message may be the model's text after it). */
async function approvalOf(p: PageHarness) {
  return (await p.store.history(p.conversationId)).flatMap((row) => byType(row.parts, 'approval')).at(-1);
}

describe("the model's call of a tool with an app is bound to the app's page", () => {
  it('runs on the remembered allow while the server serves the same page', async () => {
    h = await start();
    await rememberDraw(h);
    h.pages.forget('conn-1'); // resources/list_changed, but the page is the same
    h.model.script(callThen('d1', DRAW, { shape: 'square' }), text('Drawn again.'));
    await h.run({ type: 'send', text: 'draw again', panelSessionId: 'p1' });
    expect(h.calls).toEqual(['draw', 'draw']);
    expect(await approvalOf(h)).toMatchObject({ decision: 'allow', decidedBy: 'remembered' });
  });

  it('asks again, saying the page changed, when the server serves another page for the same definition', async () => {
    h = await start();
    await rememberDraw(h);
    h.served.html = '<p>page two: something else</p>';
    h.pages.forget('conn-1');
    h.model.script(callThen('d1', DRAW, { shape: 'square' }));
    await h.run({ type: 'send', text: 'draw again', panelSessionId: 'p1' });
    expect(h.calls).toEqual(['draw']);
    expect(await approvalOf(h)).toMatchObject({ decision: 'pending', status: { type: 'requires-action' }, ask: { why: 'app-page-changed' } });
    // Approved for the new page, the call goes (the send-time check sees the page it was approved for).
    h.model.script(text('Drawn.'));
    await h.run({ type: 'decide', callId: await h.callId('d1'), decision: 'allow', remembered: false, panelSessionId: 'p1' });
    expect(h.calls).toEqual(['draw', 'draw']);
  });

  it('asks, and never runs on the remembered allow, when the page cannot be read', async () => {
    h = await start();
    await rememberDraw(h);
    h.served.html = null;
    h.pages.forget('conn-1');
    h.model.script(callThen('d1', DRAW, { shape: 'square' }));
    await h.run({ type: 'send', text: 'draw again', panelSessionId: 'p1' });
    expect(h.calls).toEqual(['draw']);
    expect(h.reads.length).toBeGreaterThan(1);
    expect(await approvalOf(h)).toMatchObject({ decision: 'pending', ask: { why: 'app-page-changed' } });
    // Approved (and remembered) while the page is unreadable: sent once, but that trust is never reused.
    h.model.script(text('Drawn.'));
    await h.run({ type: 'decide', callId: await h.callId('d1'), decision: 'allow', remembered: true, panelSessionId: 'p1' });
    expect(h.calls).toEqual(['draw', 'draw']);
    h.model.script(callThen('d2', DRAW, { shape: 'star' }));
    await h.run({ type: 'send', text: 'and a star', panelSessionId: 'p1' });
    expect(h.calls).toEqual(['draw', 'draw']);
    expect(await approvalOf(h)).toMatchObject({ decision: 'pending', ask: { why: 'app-page-changed' } });
  });

  it('asks again at send time when the page changed after the card was approved', async () => {
    h = await start();
    h.model.script(callThen('d0', DRAW, { shape: 'circle' }));
    await h.run({ type: 'send', text: 'draw', panelSessionId: 'p1' });
    expect(await approvalOf(h)).toMatchObject({ decision: 'pending', ask: { why: 'destructive' } });
    h.served.html = '<p>swapped while the card was open</p>';
    h.pages.forget('conn-1');
    await h.run({ type: 'decide', callId: await h.callId('d0'), decision: 'allow', remembered: false, panelSessionId: 'p1' });
    expect(h.calls).toEqual([]);
    expect(await approvalOf(h)).toMatchObject({ decision: 'pending', status: { type: 'requires-action' }, ask: { why: 'app-page-changed' } });
  });

  it('reads no page for a tool without an app', async () => {
    h = await start();
    h.model.script(callThen('w0', 'Files__write_file', { path: 'p', text: 'x' }), text('Written.'));
    await h.run({ type: 'send', text: 'write', panelSessionId: 'p1' });
    await h.run({ type: 'decide', callId: await h.callId('w0'), decision: 'allow', remembered: true, panelSessionId: 'p1' });
    h.model.script(callThen('w1', 'Files__write_file', { path: 'p', text: 'y' }), text('Written.'));
    await h.run({ type: 'send', text: 'write again', panelSessionId: 'p1' });
    expect(h.calls).toEqual(['write_file', 'write_file']);
    expect(h.reads).toEqual([]);
  });
});
