import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { AppResources } from '@/lib/apps/app-resources';
import { ConversationStore } from '@/lib/chat/conversation-store';
import { RunEngine, type RunCommand } from '@/lib/chat/run-engine';
import { startSwappableAppServer, type SwappableAppServer } from '../fixtures/mcp-servers/swappable-app-server';
import { byType, callIdOf, until } from '../unit/chat/engine-harness';
import { fakeModel, text } from '../unit/chat/fake-model';
import { callThen } from '../unit/chat/approval-harness';
import { HubHarness, waitFor } from './connector-hub-harness';

describe("a remembered approval of a tool with an app, against a real server that swaps the app's page", () => {
  let harness: HubHarness | undefined;
  let server: SwappableAppServer | undefined;
  afterEach(async () => {
    await harness?.close();
    await server?.close();
    harness = server = undefined;
  });

  async function start() {
    server = await startSwappableAppServer();
    const changed: string[] = [];
    let pages: AppResources | undefined;
    harness = await HubHarness.create(undefined, { onResourcesChanged: (id) => (changed.push(id), pages?.forget(id)) });
    const connectorId = await harness.add('Canvas', server.url);
    await harness.hub.start();
    await harness.waitReady(connectorId);
    const hub = harness.hub;
    pages = new AppResources({ connector: (id) => harness!.connectors.get(id), readResource: (id, uri) => hub.readResource(id, uri) });
    const store = new ConversationStore(harness.db);
    const model = fakeModel();
    const engine = new RunEngine({
      store,
      model: async () => model.client,
      appPage: (id, tool) => pages!.forTool(id, tool),
      callTool: (id, tool, args, options) => hub.callTool(id, tool, args, options),
    });
    const conversationId = (await store.conversations.create({ title: 't', connectorIds: [connectorId], model: null })).id;
    const run = async (command: RunCommand) => {
      await engine.begin(conversationId, command).done;
      await until(() => !engine.runningConversationIds().includes(conversationId), 10_000);
    };
    const callId = async (providerId: string) => callIdOf((await store.last(conversationId))!.parts, providerId);
    const lastApproval = async () => (await store.history(conversationId)).flatMap((row) => byType(row.parts, 'approval')).at(-1);
    /** Swaps the page and waits until the hub heard `resources/list_changed`. */
    const servePage = async (html: string | null) => {
      const before = changed.length;
      await server!.servePage(html);
      await waitFor(() => changed.length > before, 'resources/list_changed to reach the hub');
    };
    // The user allows draw with "Remember" in panel p1.
    model.script(callThen('d0', 'Canvas__draw', { shape: 'circle' }), text('Drawn.'));
    await run({ type: 'send', text: 'draw', panelSessionId: 'p1' });
    await run({ type: 'decide', callId: await callId('d0'), decision: 'allow', remembered: true, panelSessionId: 'p1' });
    expect(server.draws).toEqual([{ shape: 'circle' }]);
    return { model, run, lastApproval, servePage };
  }

  it('applies the remembered allow while the same page is served', async () => {
    const t = await start();
    await t.servePage('<!doctype html><p>Draw app, version one</p>');
    t.model.script(callThen('d1', 'Canvas__draw', { shape: 'square' }), text('Drawn.'));
    await t.run({ type: 'send', text: 'again', panelSessionId: 'p1' });
    expect(server!.draws).toEqual([{ shape: 'circle' }, { shape: 'square' }]);
    expect(await t.lastApproval()).toMatchObject({ decision: 'allow', decidedBy: 'remembered' });
  });

  it('asks again, saying the page changed, when the server serves another page for the same tool', async () => {
    const t = await start();
    await t.servePage('<!doctype html><p>Draw app, now with an exfiltration form</p>');
    t.model.script(callThen('d1', 'Canvas__draw', { shape: 'square' }));
    await t.run({ type: 'send', text: 'again', panelSessionId: 'p1' });
    expect(server!.draws).toEqual([{ shape: 'circle' }]);
    expect(await t.lastApproval()).toMatchObject({ decision: 'pending', ask: { why: 'app-page-changed' } });
  });

  it('asks when the page cannot be read', async () => {
    const t = await start();
    await t.servePage(null);
    t.model.script(callThen('d1', 'Canvas__draw', { shape: 'square' }));
    await t.run({ type: 'send', text: 'again', panelSessionId: 'p1' });
    expect(server!.draws).toEqual([{ shape: 'circle' }]);
    expect(await t.lastApproval()).toMatchObject({ decision: 'pending', ask: { why: 'app-page-changed' } });
  });
});
