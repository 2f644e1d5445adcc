import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingProxy, type RecordingProxy } from '../../fixtures/mcp-servers/recording-proxy';
import { startServerEverything, type RunningServer } from '../../fixtures/mcp-servers/server-everything';
import { startModelServer, type ModelServer, type RecordedRequest } from '../../fixtures/model-server';
import { byRole, FIREFOX_BUILD_DIR, launchFirefoxWithExtension, openPanelInNewPage, type FirefoxWithExtension } from '../harness/firefox';
import { saveModelSettingsInFirefox, addConnectorInFirefox } from '../harness/firefox-panel-setup';

/** The Chromium tests of progress, Cancel and tasks, in Firefox against server-everything. */
describe('progress, Cancel and a task in the chat, in Firefox', () => {
  let firefox: FirefoxWithExtension | undefined;
  let server: RunningServer;
  let proxy: RecordingProxy;
  let model: ModelServer;
  let panel: Page;

  beforeAll(async () => {
    server = await startServerEverything('streamableHttp');
    proxy = await startRecordingProxy(server.url);
    model = await startModelServer({ apiKey: 'sk-tasks-ff', models: ['scripted-model'] });
    firefox = await launchFirefoxWithExtension(FIREFOX_BUILD_DIR);
    panel = await openPanelInNewPage(firefox);

    await saveModelSettingsInFirefox(panel, { apiKey: 'sk-tasks-ff', baseUrl: model.url, model: 'scripted-model' });

    await addConnectorInFirefox(panel, 'Everything', proxy.url, 'simulate-research-query');
    await panel.locator(byRole('tab', 'Chat')).click();
  }, 120_000);
  afterAll(async () => {
    await firefox?.close();
    await model?.close();
    await proxy?.close();
    await server?.close();
  });

  const chatRequests = (): RecordedRequest[] => model.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/chat/completions'));
  const bodyHas = (text: string) => panel.waitForFunction((t) => document.body.textContent?.includes(t), { timeout: 20_000 }, text);
  /** The aria-label of the first card whose name starts with `tool`. */
  const cardLabel = (tool: string) => panel.evaluate((t) => [...document.querySelectorAll('article')].find((a) => a.getAttribute('aria-label')?.startsWith(t))?.getAttribute('aria-label') ?? null, tool);

  async function startConversation(message: string): Promise<void> {
    await panel.locator(byRole('button', 'New conversation')).click();
    const box = await panel.waitForSelector(byRole('checkbox', 'Everything'), { timeout: 20_000 });
    if (!(await box!.evaluate((input) => (input as HTMLInputElement).checked))) await box!.click();
    await panel.locator(byRole('textbox', 'Message')).fill(message);
    await panel.locator(byRole('button', 'Send')).click();
  }

  it('the progress bar advances and Cancel stops the call on the server; the run goes on', async () => {
    model.script([
      { type: 'tool-calls', calls: [{ name: 'Everything__trigger-long-running-operation', arguments: '{"duration":30,"steps":30}' }] },
      { type: 'text', text: 'Stopped as you asked.' },
    ]);
    await startConversation('Run the long one');
    const bar = await panel.waitForSelector(byRole('progressbar', 'Progress of trigger-long-running-operation'), { timeout: 20_000 });
    const value = () => bar!.evaluate((el) => (el as HTMLProgressElement).value);
    const first = await value();
    await expect.poll(value, { timeout: 10_000 }).toBeGreaterThan(first);
    await panel.locator(byRole('button', 'Cancel')).click();
    await bodyHas('Stopped as you asked.');
    await expect.poll(() => cardLabel('trigger-long-running-operation')).toMatch(/cancelled/);
    await expect.poll(() => proxy.messages.some((m) => m.method === 'notifications/cancelled')).toBe(true);
    expect(JSON.stringify(chatRequests().at(-1)?.body)).toContain('cancelled this call');
  });

  it('a task shows its status while it works and its result reaches the model', async () => {
    model.script([
      { type: 'tool-calls', calls: [{ name: 'Everything__simulate-research-query', arguments: '{"topic":"foxes"}' }] },
      { type: 'text', text: 'The fox report is in.' },
    ]);
    await startConversation('Research foxes');
    await panel.locator(byRole('button', 'Approve')).click();
    await bodyHas('Task working');
    await panel.waitForSelector(byRole('button', 'Cancel task'), { timeout: 10_000 });
    await bodyHas('The fox report is in.');
    await bodyHas('Task completed');
    expect(JSON.stringify(chatRequests().at(-1)?.body)).toContain('Research Report: foxes');
  });
});
