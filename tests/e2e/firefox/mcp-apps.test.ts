import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBasicReactServer } from '../../fixtures/mcp-servers/basic-react-server';
import { startRecordingProxy, type RecordingProxy } from '../../fixtures/mcp-servers/recording-proxy';
import type { RunningServer } from '../../fixtures/mcp-servers/server-everything';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';
import { byRole, FIREFOX_BUILD_DIR, launchFirefoxWithExtension, openPanelInNewPage, type FirefoxWithExtension } from '../harness/firefox';
import { saveModelSettingsInFirefox, addConnectorInFirefox } from '../harness/firefox-panel-setup';

const CARD = 'article[aria-label^="get-time"]';
const APPROVE = `article[aria-label="Approve get-time?"] button.btn-primary`;

describe('MCP Apps in Firefox: the real server-basic-react app in its call card', () => {
  let firefox: FirefoxWithExtension | undefined;
  let server: RunningServer;
  let proxy: RecordingProxy;
  let model: ModelServer;
  let panel: Page;

  beforeAll(async () => {
    server = await startBasicReactServer();
    proxy = await startRecordingProxy(server.url);
    model = await startModelServer({ apiKey: 'sk-apps', models: ['scripted-model'] });
    firefox = await launchFirefoxWithExtension(FIREFOX_BUILD_DIR);
    panel = await openPanelInNewPage(firefox);
    await saveModelSettingsInFirefox(panel, { apiKey: 'sk-apps', baseUrl: model.url, model: 'scripted-model' });
    await addConnectorInFirefox(panel, 'Clock', proxy.url, 'get-time');
  });
  afterAll(async () => {
    await firefox?.close();
    await model?.close();
    await proxy?.close();
    await server?.close();
  });

  const getTimeCalls = () => proxy.toolCalls().filter((call) => call.name === 'get-time');

  it('renders the get-time app, delivers the result, and its own click makes a tools/call the server records', async () => {
    await panel.locator(byRole('tab', 'Chat')).click();
    await panel.locator(byRole('button', 'New conversation')).click();
    const clock = await panel.waitForSelector(byRole('checkbox', 'Clock'));
    if (!(await clock!.evaluate((box) => (box as HTMLInputElement).checked))) await clock!.click();
    model.script([{ type: 'tool-calls', calls: [{ name: 'Clock__get-time', arguments: '{}' }] }, { type: 'text', text: 'That is the server time.' }]);
    await panel.locator(byRole('textbox', 'Message')).fill('What time is it on the server?');
    await panel.locator(byRole('button', 'Send')).click();
    await panel.locator(APPROVE).setTimeout(20_000).click();
    await panel.waitForSelector('::-p-text(That is the server time.)', { timeout: 20_000 });
    expect(getTimeCalls()).toHaveLength(1);
    // Firefox's BiDi does not list frames inside moz-extension pages, so the app is driven as a
    // person would: the panel says the result reached it, then a click into it and the keyboard.
    await panel.waitForSelector(`${CARD} .app-frame[data-app-phase="result-delivered"] iframe[title="get-time app"]`, { timeout: 20_000 });
    const frame = await panel.waitForSelector(`${CARD} iframe[title="get-time app"]`);
    // Room for the whole app below the panel's header, so a click on its first line lands in it.
    await panel.setViewport({ width: 420, height: 1200 });
    await frame!.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    const box = (await frame!.boundingBox())!;
    // Its first line is a notice (nothing to focus): the next Tab is the app's first button, Get Server Time.
    await panel.mouse.click(box.x + 24, box.y + 12);
    await panel.keyboard.press('Tab');
    await panel.keyboard.press('Enter');
    await panel.locator(`${CARD} ${APPROVE}`).setTimeout(10_000).click();
    await expect.poll(() => getTimeCalls().length, { timeout: 10_000 }).toBe(2);
  });
});
