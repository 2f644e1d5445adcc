import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerEverything, type RunningServer } from '../../fixtures/mcp-servers/server-everything';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';

const SHOTS = '/tmp/patchbay-models';

describe('the first five minutes, without npm start, in Chromium', () => {
  const fixture = useChromiumPanel();
  let everything: RunningServer;
  let model: ModelServer;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    everything = await startServerEverything('streamableHttp');
    model = await startModelServer();
  });
  afterAll(async () => {
    await everything?.close();
    await model?.close();
  });

  it('the empty Connectors screen gives the bridge command for a stdio server, with its own command quoted', async () => {
    const connectors = await fixture.panel.openConnectors();
    const page = connectors.page;
    await page.getByRole('button', { name: 'A stdio server? Put it on Streamable HTTP' }).click();
    await page.getByLabel('Your stdio command').fill('uvx mcp-server-git --repository "my repo"');
    await page.getByText('npx -y supergateway --stdio "uvx mcp-server-git --repository \\"my repo\\"" --outputTransport streamableHttp --port 8000').waitFor();
    expect(await page.getByRole('button', { name: 'Copy command' }).count()).toBe(2);
    await page.setViewportSize({ width: 400, height: 1400 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `${SHOTS}/connectors-first-run-400-${colorScheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 400, height: 800 });
  });

  it('an example server opens the form filled in; a local one, started by hand, connects', async () => {
    const connectors = await fixture.panel.openConnectors();
    const page = connectors.page;
    await page.getByRole('button', { name: 'Use DeepWiki (remote)' }).click();
    const form = page.getByRole('form');
    expect(await form.getByLabel('URL', { exact: true }).inputValue()).toBe('https://mcp.deepwiki.com/mcp');
    expect(await form.getByLabel('Name', { exact: true }).inputValue()).toBe('DeepWiki');
    await form.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Use Everything (local)' }).click();
    expect(await form.getByLabel('URL', { exact: true }).inputValue()).toBe('http://localhost:3001/mcp');
    // The test's server-everything listens on a free port, not 3001.
    await connectors.fill({ url: everything.url });
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await connectors.waitForTool('Everything', 'echo');
  });

  it('a new conversation suggests a first prompt from a read-only tool; the chip fills Message and sends nothing', async () => {
    const settings = await fixture.panel.openSettings();
    await settings.page.getByLabel('Preset', { exact: true }).selectOption({ label: 'vLLM' });
    await settings.fill({ baseUrl: model.url, model: 'scripted-model' });
    await settings.save();
    const chat = await fixture.panel.openChat();
    await chat.newConversation();
    const chips = chat.page.getByRole('list', { name: 'Suggested prompts' });
    await chips.getByRole('button', { name: 'Try echo' }).click();
    expect(await chat.message.inputValue()).toMatch(/^Use the echo tool of Everything \(Echoes back the input/);
    expect(model.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
    for (const colorScheme of ['light', 'dark'] as const) {
      await chat.page.emulateMedia({ colorScheme });
      await chat.page.screenshot({ path: `${SHOTS}/chat-first-prompt-400-${colorScheme}.png` });
    }
    await chat.page.emulateMedia({ colorScheme: 'light' });
  });
});
