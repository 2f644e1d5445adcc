import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelPreset } from '@/lib/contract/model-presets';
import { startServerEverything, type RunningServer } from '../../fixtures/mcp-servers/server-everything';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';
import { byRole, FIREFOX_BUILD_DIR, launchFirefoxWithExtension, openPanelInNewPage, type FirefoxWithExtension } from '../harness/firefox';
import { addConnectorInFirefox, clickButtonInFirefox, sendMessageInFirefox } from '../harness/firefox-panel-setup';

/** Sets a text field's value the way React sees it (as `sendMessageInFirefox` does for Message). */
async function typeInto(panel: Page, selector: string, value: string): Promise<void> {
  const field = await panel.waitForSelector(selector);
  await field!.evaluate((element, text) => {
    const proto = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(element, text);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

const valueOf = async (panel: Page, name: string) => ((await panel.waitForSelector(byRole('textbox', name))) as ElementHandle<HTMLInputElement>).evaluate((input) => input.value);

describe('models in Firefox: a preset, a model picked from the tested list, a system prompt', () => {
  let firefox: FirefoxWithExtension | undefined;
  let model: ModelServer;
  let everything: RunningServer;
  let panel: Page;

  beforeAll(async () => {
    model = await startModelServer({ models: ['ff-model-b', 'ff-model-a'] });
    everything = await startServerEverything('streamableHttp');
    firefox = await launchFirefoxWithExtension(FIREFOX_BUILD_DIR);
    panel = await openPanelInNewPage(firefox);
  });
  afterAll(async () => {
    await firefox?.close();
    await model?.close();
    await everything?.close();
  });

  it('a preset fills the form; picking a tested model saves it, and it is there in a reopened panel', async () => {
    await panel.locator(byRole('tab', 'Settings')).click();
    await panel.waitForSelector('form[aria-label="Model provider"] input[type="url"]:not([disabled])');
    const preset = (await panel.waitForSelector(byRole('combobox', 'Preset'))) as ElementHandle<HTMLSelectElement>;
    await preset.select('lm-studio');
    await panel.waitForFunction((url) => (document.querySelector('input[type="url"]') as HTMLInputElement).value === url, {}, modelPreset('lm-studio').baseUrl);
    expect(await valueOf(panel, 'Model')).toBe(modelPreset('lm-studio').model);

    await typeInto(panel, 'input[type="url"]', model.url);
    await clickButtonInFirefox(panel, 'Test');
    await panel.waitForSelector('ul[aria-label="Available models"] button', { timeout: 20_000 });
    await clickButtonInFirefox(panel, 'ff-model-a');
    await panel.waitForFunction(() => document.querySelector('form[aria-label="Model provider"] [role="status"]')?.textContent === 'Saved. Model: ff-model-a.', { timeout: 20_000 });

    const previous = panel;
    panel = await openPanelInNewPage(firefox!);
    await previous.close();
    await panel.locator(byRole('tab', 'Settings')).click();
    await panel.waitForSelector('form[aria-label="Model provider"] input[type="url"]:not([disabled])');
    expect(await valueOf(panel, 'Model')).toBe('ff-model-a');
    expect(await valueOf(panel, 'Base URL')).toBe(model.url);
  });

  it('a conversation’s system prompt reaches the model first', async () => {
    await addConnectorInFirefox(panel, 'Everything', everything.url, 'echo');
    await panel.locator(byRole('tab', 'Chat')).click();
    await panel.waitForSelector('textarea[aria-label="Message"]');
    await clickButtonInFirefox(panel, 'System prompt');
    await panel.waitForSelector('form[aria-label="Edit the system prompt"] textarea');
    await typeInto(panel, 'form[aria-label="Edit the system prompt"] textarea', 'Reply in one word.');
    await clickButtonInFirefox(panel, 'Save prompt');
    await panel.waitForFunction(() => document.querySelector('.system-prompt-summary')?.textContent === 'Reply in one word.', { timeout: 20_000 });

    model.script([{ type: 'text', text: 'Fine.' }]);
    await sendMessageInFirefox(panel, 'How are you?');
    await panel.waitForSelector('.message[data-role="assistant"] ::-p-text(Fine.)', { timeout: 20_000 });
    const request = model.requests.findLast((r) => r.method === 'POST' && r.path === '/v1/chat/completions' && JSON.stringify(r.body).includes('How are you?'));
    const messages = (request?.body as { messages: unknown[] }).messages;
    expect(messages[0]).toEqual({ role: 'system', content: 'Reply in one word.' });
    expect(messages[1]).toEqual({ role: 'user', content: 'How are you?' });
  });
});
