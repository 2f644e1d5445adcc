import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameLocator } from 'playwright-core';
import { startBasicReactServer } from '../../fixtures/mcp-servers/basic-react-server';
import { startRecordingProxy, type RecordingProxy } from '../../fixtures/mcp-servers/recording-proxy';
import type { RunningServer } from '../../fixtures/mcp-servers/server-everything';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { killServiceWorker } from '../harness/service-worker';
import type { ChatPage } from '../pages/chat-page';

describe('MCP Apps in Chromium: the real server-basic-react app in its call card', () => {
  const fixture = useChromiumPanel();
  let server: RunningServer;
  let proxy: RecordingProxy;
  let model: ModelServer;
  let chat: ChatPage;

  beforeAll(async () => {
    server = await startBasicReactServer();
    proxy = await startRecordingProxy(server.url);
    model = await startModelServer({ apiKey: 'sk-apps', models: ['scripted-model'] });
    const settings = await fixture.panel.openSettings();
    await settings.fill({ apiKey: 'sk-apps', baseUrl: model.url, model: 'scripted-model' });
    await settings.save();
    const connectors = await fixture.panel.openConnectors();
    await connectors.add({ name: 'Clock', url: proxy.url });
    await connectors.waitForTool('Clock', 'get-time');
    chat = await fixture.panel.openChat();
  });
  afterAll(async () => {
    await model?.close();
    await proxy?.close();
    await server?.close();
  });

  const pendingCard = () => chat.approvalCard('get-time').filter({ has: fixture.panel.page.getByRole('button', { name: 'Approve', exact: true }) });
  async function approve(): Promise<void> {
    await pendingCard().first().getByRole('button', { name: 'Approve', exact: true }).click({ timeout: 20_000 });
    await expect.poll(() => pendingCard().count(), { timeout: 10_000 }).toBe(0);
  }
  const getTimeCalls = () => proxy.toolCalls().filter((call) => call.name === 'get-time');
  /** The app's own document: inside the sandbox proxy's frame, in its nested srcdoc frame. */
  const appDocument = (): FrameLocator => chat.toolCard('get-time').frameLocator('iframe[title="get-time app"]').frameLocator('iframe');

  it('renders the app with the tool result; its own button makes a tools/call the server receives', async () => {
    await chat.newConversation();
    await chat.useConnectors('Clock');
    model.script([{ type: 'tool-calls', calls: [{ name: 'Clock__get-time', arguments: '{}' }] }, { type: 'text', text: 'That is the server time.' }]);
    await chat.send('What time is it on the server?');
    // get-time claims no readOnlyHint, so it is a write: the model's call waits for a card first.
    await approve();
    await chat.answerText('That is the server time.').waitFor({ timeout: 20_000 });
    await expect.poll(() => getTimeCalls().length).toBe(1);
    const card = chat.toolCard('get-time');
    await card.locator('iframe[title="get-time app"]').waitFor();
    const app = appDocument();
    const shown = app.getByText(/^\d{4}-\d{2}-\d{2}T/);
    await shown.waitFor({ timeout: 20_000 });
    const first = await shown.textContent();

    await app.getByRole('button', { name: 'Get Server Time' }).click();
    // The app's call goes through the same policy: the same card, inside the app's call card.
    await card.getByRole('article', { name: 'Approve get-time?' }).waitFor({ timeout: 10_000 });
    expect(getTimeCalls().length).toBe(1);
    await approve();
    await expect.poll(() => getTimeCalls().length, { timeout: 10_000 }).toBe(2);
    await expect.poll(() => app.getByText(/^\d{4}-\d{2}-\d{2}T/).textContent()).not.toBe(first);
  });

  it("isolates the app: opaque origin, no extension API, no storage, no way into the panel's DOM", async () => {
    const appFrame = fixture.panel.page.frames().find((frame) => frame.parentFrame()?.parentFrame() === fixture.panel.page.mainFrame());
    expect(appFrame, 'the app frame is nested in the proxy frame').toBeDefined();
    const probe = await appFrame!.evaluate(() => {
      const g = globalThis as { chrome?: { runtime?: unknown }; browser?: unknown };
      let panelDom = 'readable';
      try {
        void window.top!.document.body.innerHTML;
      } catch {
        panelDom = 'blocked';
      }
      let storage = 'readable';
      try {
        void window.localStorage.length;
      } catch {
        storage = 'blocked';
      }
      return { origin: window.origin, runtime: typeof g.chrome?.runtime, browser: typeof g.browser, panelDom, storage, indexedDB: typeof indexedDB === 'undefined' ? 'absent' : 'present' };
    });
    expect(probe).toMatchObject({ origin: 'null', runtime: 'undefined', browser: 'undefined', panelDom: 'blocked', storage: 'blocked' });
  });

  it("survives a worker restart: the open app's next call goes through the new worker, still behind its card", async () => {
    const before = getTimeCalls().length;
    await killServiceWorker(fixture.panel.page);
    const app = appDocument();
    await app.getByRole('button', { name: 'Get Server Time' }).click();
    await chat.toolCard('get-time').getByRole('article', { name: 'Approve get-time?' }).waitFor({ timeout: 20_000 });
    expect(getTimeCalls().length).toBe(before);
    await approve();
    await expect.poll(() => getTimeCalls().length, { timeout: 20_000 }).toBe(before + 1);
  });

  it("a card held when the worker restarts says so on Approve, and nothing is sent", async () => {
    const before = getTimeCalls().length;
    await appDocument().getByRole('button', { name: 'Get Server Time' }).click();
    const card = chat.toolCard('get-time').getByRole('article', { name: 'Approve get-time?' });
    await card.waitFor({ timeout: 20_000 });
    await killServiceWorker(fixture.panel.page);
    await card.getByRole('button', { name: 'Approve', exact: true }).click();
    await chat.toolCard('get-time').getByRole('alert').getByText(/lost when the background restarted, so it was not sent/).waitFor({ timeout: 20_000 });
    await expect.poll(() => appDocument().getByText('[ERROR]').count(), { timeout: 20_000 }).toBe(1);
    expect(getTimeCalls().length).toBe(before);
  });

  it('renders the app in a hand run\'s Result too', async () => {
    const connectors = await fixture.panel.openConnectors();
    const dialog = await connectors.openRunDialog('Clock', 'get-time');
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    const result = dialog.getByRole('region', { name: 'Result' });
    await result.frameLocator('iframe[title="get-time app"]').frameLocator('iframe').getByText(/^\d{4}-\d{2}-\d{2}T/).waitFor({ timeout: 20_000 });
    await dialog.getByRole('button', { name: 'Close' }).click();
    chat = await fixture.panel.openChat();
  });

  it('re-renders the app from the stored result after a reload, with no new tools/call', async () => {
    const before = getTimeCalls().length;
    await fixture.panel.reload();
    chat = await fixture.panel.openChat();
    await fixture.panel.page.getByRole('button', { name: 'Conversations', exact: true }).click();
    await fixture.panel.page.getByRole('navigation', { name: 'Conversations' }).getByText(/What time is it/).first().click();
    await appDocument().getByText(/^\d{4}-\d{2}-\d{2}T/).waitFor({ timeout: 20_000 });
    expect(getTimeCalls().length).toBe(before);
  });
});
