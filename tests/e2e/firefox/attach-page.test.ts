import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_NOISE, SELECTED_PARAGRAPH, startArticlePage } from '../../fixtures/pages/article-page';
import { startPolicyServer, type PolicyServer } from '../../fixtures/mcp-servers/policy-server';
import { startModelServer, type ModelServer, type RecordedRequest } from '../../fixtures/model-server';
import { byRole, FIREFOX_BUILD_DIR, launchFirefoxWithExtension, openPanelInNewPage, type FirefoxWithExtension } from '../harness/firefox';
import { addConnectorInFirefox, clickButtonInFirefox, saveModelSettingsInFirefox, sendMessageInFirefox } from '../harness/firefox-panel-setup';

/** The Chromium test of the same name, in Firefox: scripting.executeScript into the current tab, from the sidebar's page. */
describe('Attach page in Firefox', () => {
  let firefox: FirefoxWithExtension | undefined;
  let site: { url: string; close(): Promise<void> };
  let model: ModelServer;
  let server: PolicyServer;
  let panel: Page;
  let tab: Page;

  beforeAll(async () => {
    site = await startArticlePage();
    server = await startPolicyServer();
    model = await startModelServer({ apiKey: 'sk-page-ff', models: ['scripted-model'] });
    firefox = await launchFirefoxWithExtension(FIREFOX_BUILD_DIR);
    panel = await openPanelInNewPage(firefox);
    await saveModelSettingsInFirefox(panel, { apiKey: 'sk-page-ff', baseUrl: model.url, model: 'scripted-model' });
    // The chat shows its composer once there is a connector.
    await addConnectorInFirefox(panel, 'Notes', server.url, 'read_notes');
    await panel.locator(byRole('tab', 'Chat')).click();
    await panel.waitForSelector(byRole('button', 'Attach page'), { timeout: 20_000 });
    // The article becomes the window's current tab, as when the sidebar sits beside it.
    tab = await firefox.browser.newPage();
    await tab.goto(site.url);
    await tab.bringToFront();
  }, 120_000);
  afterAll(async () => {
    await firefox?.close();
    await model?.close();
    await server?.close();
    await site?.close();
  });

  const chatRequests = (): RecordedRequest[] => model.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/chat/completions'));
  const lastUserContent = (request: RecordedRequest) => JSON.stringify((request.body as { messages: { role: string; content: unknown }[] }).messages.filter((m) => m.role === 'user').at(-1)?.content);

  async function attachAndSend(chip: RegExp, message: string, answer: string): Promise<string> {
    await clickButtonInFirefox(panel, 'Attach page');
    await panel.waitForFunction((source) => [...document.querySelectorAll('button')].some((b) => new RegExp(source).test(b.getAttribute('aria-label') ?? '')), { timeout: 20_000 }, chip.source);
    const before = chatRequests().length;
    model.script([{ type: 'text', text: answer }]);
    await sendMessageInFirefox(panel, message);
    await expect.poll(() => chatRequests().length, { timeout: 20_000 }).toBeGreaterThan(before);
    return lastUserContent(chatRequests()[before]!);
  }

  it('with a selection sends only the selection; without one, the readable text without navigation and scripts', async () => {
    await tab.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('p3')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const selected = await attachAndSend(/^Remove Selection: Life in tide pools$/, 'What does the selection say?', 'Hermit crabs.');
    expect(selected).toContain(SELECTED_PARAGRAPH);
    expect(selected).not.toContain('barnacles');

    await tab.evaluate(() => getSelection()!.removeAllRanges());
    const whole = await attachAndSend(/^Remove Page: Life in tide pools$/, 'Summarise the page', 'Tide pools.');
    expect(whole).toContain('Tide pools form where');
    expect(whole).toContain('put every stone back');
    for (const noise of PAGE_NOISE) expect(whole).not.toContain(noise);
  });
});
