import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileAppServer, type HostileAppServer } from '../../fixtures/mcp-servers/hostile-app-server';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';
import { startRequestListener, type RequestListener } from '../../fixtures/request-listener';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import type { ChatPage } from '../pages/chat-page';

describe('MCP Apps in Chromium: an app whose card leaves for good is told, and heard', () => {
  const fixture = useChromiumPanel();
  let allowed: RequestListener;
  let forbidden: RequestListener;
  let probe: HostileAppServer;
  let model: ModelServer;
  let chat: ChatPage;

  beforeAll(async () => {
    allowed = await startRequestListener();
    forbidden = await startRequestListener();
    probe = await startHostileAppServer({ allowed: allowed.origin, forbidden: forbidden.origin });
    model = await startModelServer({ apiKey: 'sk-teardown', models: ['scripted-model'] });
    const settings = await fixture.panel.openSettings();
    await settings.fill({ apiKey: 'sk-teardown', baseUrl: model.url, model: 'scripted-model' });
    await settings.save();
    const connectors = await fixture.panel.openConnectors();
    await connectors.add({ name: 'Probe', url: probe.url });
    await connectors.waitForTool('Probe', 'show_farewell');
    chat = await fixture.panel.openChat();
  });
  afterAll(async () => {
    await model?.close();
    await probe?.close();
    await forbidden?.close();
    await allowed?.close();
  });

  const teardowns = () => allowed.paths.filter((path) => path === '/teardown').length;
  const heldFrames = () => fixture.panel.page.locator('#patchbay-retired-app-frames iframe');

  it('sends ui/resource-teardown when another conversation opens, keeps the frame until the app answered, then removes it', async () => {
    await chat.newConversation();
    await chat.useConnectors('Probe');
    model.script([{ type: 'tool-calls', calls: [{ name: 'Probe__show_farewell', arguments: '{}' }] }, { type: 'text', text: 'The farewell app is on screen.' }]);
    await chat.send('Show me the farewell app');
    await chat.answerText('The farewell app is on screen.').waitFor({ timeout: 20_000 });
    const app = chat.toolCard('show_farewell').frameLocator('iframe[title="show_farewell app"]').frameLocator('iframe');
    await app.getByText('Farewell app ready').waitFor({ timeout: 20_000 });

    // A re-render (the theme changes, the host context follows) is not leaving: no teardown.
    await fixture.panel.page.emulateMedia({ colorScheme: 'dark' });
    await fixture.panel.page.emulateMedia({ colorScheme: 'light' });
    await app.getByText('Farewell app ready').waitFor();
    expect(teardowns()).toBe(0);

    await chat.newConversation();
    await expect.poll(() => chat.toolCard('show_farewell').count(), { timeout: 10_000 }).toBe(0);
    // The app heard it and reported through its declared domain: its frame outlived the card.
    await expect.poll(teardowns, { timeout: 10_000 }).toBe(1);
    // Once it answered, the held frame goes; nothing of it stays in the panel.
    await expect.poll(() => heldFrames().count(), { timeout: 10_000 }).toBe(0);
    const holder = await fixture.panel.page.evaluate(() => {
      const element = document.getElementById('patchbay-retired-app-frames') as HTMLElement | null;
      return element && { ariaHidden: element.getAttribute('aria-hidden'), inert: element.inert, offScreen: element.getBoundingClientRect().right <= 0 };
    });
    expect(holder).toEqual({ ariaHidden: 'true', inert: true, offScreen: true });
    expect(forbidden.paths).toEqual([]);
  });

  it('re-creates the app from the stored result when its conversation is opened again, and tears it down again on leaving', async () => {
    const before = teardowns();
    // Back to the first conversation: its card mounts a new app from the stored result, as a reload does.
    await fixture.panel.page.getByRole('button', { name: 'Conversations', exact: true }).click();
    await fixture.panel.page.getByRole('navigation', { name: 'Conversations' }).getByText(/Show me the farewell app/).first().click();
    const app = chat.toolCard('show_farewell').frameLocator('iframe[title="show_farewell app"]').frameLocator('iframe');
    await app.getByText('Farewell app ready').waitFor({ timeout: 20_000 });
    expect(probe.calls.filter((call) => call.name === 'show_farewell').length).toBe(1);
    await chat.newConversation();
    await expect.poll(teardowns, { timeout: 10_000 }).toBe(before + 1);
    await expect.poll(() => heldFrames().count(), { timeout: 10_000 }).toBe(0);
  });

  it('removes the held frame after the bounded wait when the app never answers its teardown', async () => {
    model.script([{ type: 'tool-calls', calls: [{ name: 'Probe__show_silent_farewell', arguments: '{}' }] }, { type: 'text', text: 'The silent app is on screen.' }]);
    await chat.send('Show me the silent farewell app');
    await chat.answerText('The silent app is on screen.').waitFor({ timeout: 20_000 });
    const app = chat.toolCard('show_silent_farewell').frameLocator('iframe[title="show_silent_farewell app"]').frameLocator('iframe');
    await app.getByText('Farewell app ready').waitFor({ timeout: 20_000 });
    const settled = teardowns();
    await chat.newConversation();
    // It heard the teardown, and waits in the holder (it never answers) ...
    await expect.poll(teardowns, { timeout: 10_000 }).toBeGreaterThan(settled);
    await expect.poll(() => heldFrames().count(), { timeout: 2_000, interval: 50 }).toBe(1);
    expect(await heldFrames().getAttribute('sandbox')).toBe('allow-scripts');
    // ... until the host's timeout (about a second) closes the bridge and removes the frame.
    await expect.poll(() => heldFrames().count(), { timeout: 5_000 }).toBe(0);
  });
});
