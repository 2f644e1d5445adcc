import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerEverything, type RunningServer } from '../../fixtures/mcp-servers/server-everything';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';
import { byRole, FIREFOX_BUILD_DIR, launchFirefoxWithExtension, openPanelInNewPage, type FirefoxWithExtension } from '../harness/firefox';
import { addConnectorInFirefox, saveModelSettingsInFirefox } from '../harness/firefox-panel-setup';

const TOOL = 'trigger-sampling-request';
const DIALOG = byRole('dialog', `Run ${TOOL}`);
const CARD = `${DIALOG} >>> ${byRole('article', 'Sampling request from Everything')}`;

/** The Chromium sampling test's main path, in Firefox: server-everything asks, the scripted model answers. */
describe('sampling in Firefox against server-everything', () => {
  let firefox: FirefoxWithExtension | undefined;
  let server: RunningServer;
  let model: ModelServer;
  let panel: Page;

  beforeAll(async () => {
    server = await startServerEverything('streamableHttp');
    model = await startModelServer({ apiKey: 'sk-sampling-ff', models: ['scripted-model'] });
    firefox = await launchFirefoxWithExtension(FIREFOX_BUILD_DIR);
    panel = await openPanelInNewPage(firefox);

    await saveModelSettingsInFirefox(panel, { apiKey: 'sk-sampling-ff', baseUrl: model.url, model: 'scripted-model' });

    await addConnectorInFirefox(panel, 'Everything', server.url, TOOL);
  }, 120_000);
  afterAll(async () => {
    await firefox?.close();
    await model?.close();
    await server?.close();
  });

  const text = (selector: string) => panel.$eval(selector, (element) => element.textContent ?? '');

  it('Approve, review, Send to server: the tool returns the scripted answer', async () => {
    model.script([{ type: 'text', text: 'FIREFOX-SAMPLE-ANSWER' }]);
    const row = await panel.waitForSelector(`li[aria-label="Everything"] li:has([role="switch"][aria-label="${TOOL}"])`);
    await (await row!.waitForSelector(byRole('button', 'Run')))!.click();
    await panel.waitForSelector(DIALOG);
    await panel.locator(`${DIALOG} >>> ${byRole('textbox', 'prompt')}`).fill('Say hello from Firefox');
    await panel.locator(`${DIALOG} >>> ${byRole('button', 'Run')}`).click();

    await panel.waitForSelector(CARD, { timeout: 20_000 });
    expect(await text(CARD)).toContain('You are a helpful test server.');
    await panel.locator(`${CARD} >>> ${byRole('button', 'Approve')}`).click();
    const answer = `${CARD} >>> ${byRole('textbox', 'Answer from scripted-model')}`;
    await panel.waitForSelector(answer, { timeout: 20_000 });
    expect(await panel.$eval(answer, (element) => (element as HTMLTextAreaElement).value)).toBe('FIREFOX-SAMPLE-ANSWER');
    expect(await panel.$(`${CARD} >>> ${byRole('button', 'Approve')}`)).toBeNull();

    await panel.locator(`${CARD} >>> ${byRole('button', 'Send to server')}`).click();
    await panel.waitForFunction((selector) => document.querySelector(selector)?.textContent?.includes('FIREFOX-SAMPLE-ANSWER'), { timeout: 20_000 }, 'section[aria-label="Result"]');
    expect(await text(CARD)).toContain('Answer sent to the server');
  });
});
