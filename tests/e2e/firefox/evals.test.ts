import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';
import { startServerEverything, type RunningServer } from '../../fixtures/mcp-servers/server-everything';
import { startRecordingProxy, type RecordingProxy } from '../../fixtures/mcp-servers/recording-proxy';
import { threeCaseModelTurn, WHAT_IF_TEXT } from '../../fixtures/evals/three-case-model';
import { byRole, FIREFOX_BUILD_DIR, launchFirefoxWithExtension, openPanelInNewPage, type FirefoxWithExtension } from '../harness/firefox';
import { addConnectorInFirefox, clickButtonInFirefox, saveModelSettingsInFirefox } from '../harness/firefox-panel-setup';

const REGION = 'section[aria-label="Evals"]';

/** The Chromium evals test, smaller: two cases twice each, then the what-if that fixes the wrong one. */
describe('Evals in Firefox', () => {
  let firefox: FirefoxWithExtension | undefined;
  let everything: RunningServer;
  let proxy: RecordingProxy;
  let model: ModelServer;
  let panel: Page;

  beforeAll(async () => {
    everything = await startServerEverything('streamableHttp');
    proxy = await startRecordingProxy(everything.url);
    model = await startModelServer({ apiKey: 'sk-ff-evals', models: ['scripted-model'] });
    firefox = await launchFirefoxWithExtension(FIREFOX_BUILD_DIR);
    panel = await openPanelInNewPage(firefox);
    await saveModelSettingsInFirefox(panel, { apiKey: 'sk-ff-evals', baseUrl: model.url, model: 'scripted-model' });
    await addConnectorInFirefox(panel, 'Everything', proxy.url, 'get-tiny-image');
  }, 120_000);
  afterAll(async () => {
    await firefox?.close();
    await Promise.all([model?.close(), proxy?.close(), everything?.close()]);
  });

  /** Each result row's text, lines joined by spaces. */
  const rows = () => panel.evaluate(() => [...document.querySelectorAll('table[aria-label="Eval results"] tbody tr')].map((row) => (row as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));

  async function addCase(prompt: string, tool: string): Promise<void> {
    await clickButtonInFirefox(panel, 'Add case');
    await panel.locator(`form[aria-label="New case"] textarea`).fill(prompt);
    await panel.select('form[aria-label="New case"] select', tool);
    await clickButtonInFirefox(panel, 'Save case');
    await panel.waitForSelector(`li[aria-label="${prompt}"]`, { timeout: 20_000 });
  }

  async function runAndWait(expected: RegExp[]): Promise<void> {
    model.script(Array.from({ length: 4 }, () => threeCaseModelTurn('Everything')));
    await clickButtonInFirefox(panel, 'Run evals');
    await expect.poll(async () => {
      const texts = await rows();
      return texts.length === expected.length && expected.every((pattern, index) => pattern.test(texts[index]!));
    }, { timeout: 30_000 }).toBe(true);
  }

  it('scores two cases twice, names the wrong tool, and a what-if description the model follows fixes it without reaching the server', async () => {
    await clickButtonInFirefox(panel, 'Evals');
    await panel.waitForSelector(REGION, { timeout: 20_000 });
    await clickButtonInFirefox(panel, 'New suite');
    await panel.waitForSelector(`${REGION} ${byRole('button', 'Add case')}`, { timeout: 20_000 });
    await addCase('Echo the word hello', 'echo');
    await addCase('Show me the tiny picture', 'get-tiny-image');
    await panel.locator('#eval-repetitions').fill('2');
    await panel.waitForFunction(() => document.querySelector<HTMLInputElement>('#eval-repetitions')?.value === '2');

    await runAndWait([/^Echo the word hello \d+ tokens echo chose echo ×2 100 %$/, /^Show me the tiny picture \d+ tokens get-tiny-image chose get-annotated-message ×2 0 %$/]);

    await panel.select('form[aria-label="Override a description"] select', 'get-tiny-image');
    await panel.locator('form[aria-label="Override a description"] textarea').fill(WHAT_IF_TEXT);
    await clickButtonInFirefox(panel, 'Save what-if');
    await panel.waitForSelector('li[aria-label="get-tiny-image description"]', { timeout: 20_000 });
    await panel.locator(byRole('checkbox', 'With what-if overrides (1)')).click();
    await runAndWait([/ 100 %$/, /^Show me the tiny picture \d+ tokens get-tiny-image What-if chose get-tiny-image ×2 100 %$/]);

    expect(proxy.toolCalls()).toEqual([]);
    expect(JSON.stringify(proxy.messages)).not.toContain(WHAT_IF_TEXT);
    expect(model.requests.filter((request) => JSON.stringify(request.body ?? '').includes(WHAT_IF_TEXT))).toHaveLength(4);
  });
});
