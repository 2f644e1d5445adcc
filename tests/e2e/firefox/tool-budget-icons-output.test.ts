import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIconServer, type IconServer } from '../../fixtures/mcp-servers/icon-server';
import { startManyToolsServer, WEATHER_TOOL, type ManyToolsServer } from '../../fixtures/mcp-servers/many-tools-server';
import { startStructuredOutputServer, type StructuredOutputServer } from '../../fixtures/mcp-servers/structured-output-server';
import { startModelServer, type ModelServer, type RecordedRequest } from '../../fixtures/model-server';
import { byRole, FIREFOX_BUILD_DIR, launchFirefoxWithExtension, openPanelInNewPage, type FirefoxWithExtension } from '../harness/firefox';
import { addConnectorInFirefox, saveModelSettingsInFirefox, sendMessageInFirefox } from '../harness/firefox-panel-setup';

/** The Chromium tests tool-budget, icons and structured-output, in one Firefox: the same gates in the other engine. */
describe('tool budget, icons and structured output in Firefox', () => {
  let firefox: FirefoxWithExtension | undefined;
  let chores: ManyToolsServer;
  let pictures: IconServer;
  let weather: StructuredOutputServer;
  let model: ModelServer;
  let panel: Page;

  beforeAll(async () => {
    [chores, pictures, weather] = await Promise.all([startManyToolsServer(), startIconServer(), startStructuredOutputServer()]);
    model = await startModelServer({ apiKey: 'sk-ff-budget', models: ['scripted-model'] });
    firefox = await launchFirefoxWithExtension(FIREFOX_BUILD_DIR);
    panel = await openPanelInNewPage(firefox);
    await saveModelSettingsInFirefox(panel, { apiKey: 'sk-ff-budget', baseUrl: model.url, model: 'scripted-model' });
    await addConnectorInFirefox(panel, 'Chores', chores.url, 'chore_000');
    await addConnectorInFirefox(panel, 'Pictures', pictures.url, 'pictured');
    await addConnectorInFirefox(panel, 'Weather', weather.url, 'broken_forecast');
  }, 120_000);
  afterAll(async () => {
    await firefox?.close();
    await model?.close();
    await Promise.all([chores?.close(), pictures?.close(), weather?.close()]);
  });

  const chatRequests = (): RecordedRequest[] => model.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/chat/completions'));
  const toolsOf = (request: RecordedRequest) => ((request.body as { tools?: { function: { name: string } }[] }).tools ?? []).map((tool) => tool.function.name);
  const bodyText = () => panel.evaluate(() => document.body.textContent ?? '');

  async function chatWith(connector: string): Promise<void> {
    await panel.locator(byRole('tab', 'Chat')).click();
    await panel.locator(byRole('button', 'New conversation')).click();
    await panel.waitForSelector(byRole('checkbox', connector), { timeout: 20_000 });
    await panel.evaluate((only) => {
      for (const box of document.querySelectorAll<HTMLInputElement>('fieldset[aria-label="Connectors"] input[type="checkbox"]')) {
        if (box.checked !== (box.parentElement?.textContent?.trim() === only)) box.click();
      }
    }, connector);
  }

  it('icons: the server’s and the PNG tool’s from data: URLs, none for the SVG one', async () => {
    await panel.locator(byRole('tab', 'Connectors')).click();
    const sources = () => panel.evaluate(() => [...document.querySelectorAll('li[aria-label="Pictures"] img.mcp-icon')].map((img) => img.getAttribute('src') ?? ''));
    await expect.poll(async () => (await sources()).length, { timeout: 20_000 }).toBe(2);
    for (const src of await sources()) expect(src.startsWith('data:image/png;base64,')).toBe(true);
    const svgRow = await panel.evaluate(() => [...document.querySelectorAll('li.tool-row')].find((row) => row.querySelector('[aria-label="scripted"]'))?.querySelectorAll('img').length);
    expect(svgRow).toBe(0);
  });

  it('budget: 300 tools are searched with search_tools, the found tool is called, no request over 128', async () => {
    await chatWith('Chores');
    await panel.waitForFunction(() => /^300 tools · ≈\d+k schema tokens · over the limit of 128/.test(document.querySelector('[aria-label="Tool budget"]')?.textContent ?? ''), { timeout: 20_000 });
    const before = chatRequests().length;
    model.script([
      { type: 'tool-calls', calls: [{ name: 'search_tools', arguments: '{"query":"weather"}' }] },
      { type: 'tool-calls', calls: [{ name: `Chores__${WEATHER_TOOL}`, arguments: '{"city":"Nantes"}' }] },
      { type: 'text', text: 'Sunny in Nantes, says the tool.' },
    ]);
    await sendMessageInFirefox(panel, 'Weather in Nantes?');
    await expect.poll(bodyText, { timeout: 20_000 }).toContain('Sunny in Nantes, says the tool.');
    const requests = chatRequests().slice(before);
    expect(requests.map((request) => toolsOf(request).length).every((count) => count <= 128)).toBe(true);
    expect(toolsOf(requests[0]!)).toEqual(['search_tools']);
    expect(chores.calls).toEqual([{ name: WEATHER_TOOL, arguments: { city: 'Nantes' } }]);
  });

  it('structured output: a mismatch marks the card and reaches the model as a tool error', async () => {
    await chatWith('Weather');
    const before = chatRequests().length;
    model.script([
      { type: 'tool-calls', calls: [{ name: 'Weather__broken_forecast', arguments: '{"city":"Lyon"}' }] },
      { type: 'text', text: 'The forecast was malformed.' },
    ]);
    await sendMessageInFirefox(panel, 'Weather in Lyon?');
    await expect.poll(bodyText, { timeout: 20_000 }).toContain('The forecast was malformed.');
    const label = await panel.evaluate(() => [...document.querySelectorAll('article')].map((a) => a.getAttribute('aria-label') ?? '').find((name) => name.startsWith('broken_forecast')));
    expect(label).toMatch(/output does not match its schema/);
    const answer = JSON.stringify((chatRequests()[before + 1]!.body as { messages: { role: string; content: unknown }[] }).messages.find((m) => m.role === 'tool')?.content);
    expect(answer).toMatch(/does not match its output schema/);
  });
});
