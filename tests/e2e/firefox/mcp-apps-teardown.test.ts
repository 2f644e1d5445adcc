import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileAppServer, type HostileAppServer } from '../../fixtures/mcp-servers/hostile-app-server';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';
import { startRequestListener, type RequestListener } from '../../fixtures/request-listener';
import { byRole, FIREFOX_BUILD_DIR, launchFirefoxWithExtension, openPanelInNewPage, type FirefoxWithExtension } from '../harness/firefox';
import { saveModelSettingsInFirefox, addConnectorInFirefox } from '../harness/firefox-panel-setup';

const CARD = 'article[aria-label^="show_farewell"]';

describe('MCP Apps in Firefox: an app whose card leaves for good is told, and heard', () => {
  let firefox: FirefoxWithExtension | undefined;
  let allowed: RequestListener;
  let forbidden: RequestListener;
  let probe: HostileAppServer;
  let model: ModelServer;
  let panel: Page;

  beforeAll(async () => {
    allowed = await startRequestListener();
    forbidden = await startRequestListener();
    probe = await startHostileAppServer({ allowed: allowed.origin, forbidden: forbidden.origin });
    model = await startModelServer({ apiKey: 'sk-teardown', models: ['scripted-model'] });
    firefox = await launchFirefoxWithExtension(FIREFOX_BUILD_DIR);
    panel = await openPanelInNewPage(firefox);
    await saveModelSettingsInFirefox(panel, { apiKey: 'sk-teardown', baseUrl: model.url, model: 'scripted-model' });
    await addConnectorInFirefox(panel, 'Probe', probe.url, 'show_farewell');
  });
  afterAll(async () => {
    await firefox?.close();
    await model?.close();
    await probe?.close();
    await forbidden?.close();
    await allowed?.close();
  });

  const teardowns = () => allowed.paths.filter((path) => path === '/teardown').length;
  const heldFrames = () => panel.evaluate(() => document.querySelectorAll('#patchbay-retired-app-frames iframe').length);

  it('sends ui/resource-teardown when another conversation opens, keeps the frame until the app answered, then removes it', async () => {
    await panel.locator(byRole('tab', 'Chat')).click();
    await panel.locator(byRole('button', 'New conversation')).click();
    const box = await panel.waitForSelector(byRole('checkbox', 'Probe'));
    if (!(await box!.evaluate((input) => (input as HTMLInputElement).checked))) await box!.click();
    model.script([{ type: 'tool-calls', calls: [{ name: 'Probe__show_farewell', arguments: '{}' }] }, { type: 'text', text: 'The farewell app is on screen.' }]);
    await panel.locator(byRole('textbox', 'Message')).fill('Show me the farewell app');
    await panel.locator(byRole('button', 'Send')).click();
    await panel.waitForSelector('::-p-text(The farewell app is on screen.)', { timeout: 20_000 });
    // The app initialized and has its result: the host marks the frame so.
    await panel.waitForSelector(`${CARD} .app-frame[data-app-phase="result-delivered"]`, { timeout: 20_000 });
    const before = teardowns();

    await panel.locator(byRole('button', 'New conversation')).click();
    await expect.poll(() => panel.evaluate((card) => document.querySelectorAll(card).length, CARD), { timeout: 10_000 }).toBe(0);
    // The app heard it and reported through its declared domain: its frame outlived the card.
    await expect.poll(teardowns, { timeout: 10_000 }).toBeGreaterThan(before);
    await expect.poll(heldFrames, { timeout: 10_000 }).toBe(0);
    const holder = await panel.evaluate(() => {
      const element = document.getElementById('patchbay-retired-app-frames') as HTMLElement | null;
      return element && { ariaHidden: element.getAttribute('aria-hidden'), inert: element.inert };
    });
    expect(holder).toEqual({ ariaHidden: 'true', inert: true });
    expect(forbidden.paths).toEqual([]);
  });
});
