import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerEverything, type RunningServer } from '../../fixtures/mcp-servers/server-everything';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';
import { byRole, FIREFOX_BUILD_DIR, launchFirefoxWithExtension, openPanelInNewPage, type FirefoxWithExtension } from '../harness/firefox';
import { addConnectorInFirefox, saveModelSettingsInFirefox } from '../harness/firefox-panel-setup';

const ITEM = 'li[aria-label="Everything"]';

describe('prompts and resources in Firefox', () => {
  let firefox: FirefoxWithExtension | undefined;
  let server: RunningServer;
  let model: ModelServer;
  let panel: Page;

  beforeAll(async () => {
    server = await startServerEverything('streamableHttp');
    model = await startModelServer({ apiKey: 'sk-context-ff', models: ['scripted-model'] });
    firefox = await launchFirefoxWithExtension(FIREFOX_BUILD_DIR);
    panel = await openPanelInNewPage(firefox);
    await saveModelSettingsInFirefox(panel, { apiKey: 'sk-context-ff', baseUrl: model.url, model: 'scripted-model' });
    await addConnectorInFirefox(panel, 'Everything', server.url, 'echo');
  });
  afterAll(async () => {
    await firefox?.close();
    await model?.close();
    await server?.close();
  });

  const messageValue = () => panel.$eval('textarea[aria-label="Message"]', (element) => (element as HTMLTextAreaElement).value);

  it('uses a prompt with an argument completed by the server, and inserts it into the composer', async () => {
    await panel.locator(`${ITEM} ${byRole('tab', 'Prompts')}`).click();
    await panel.locator(`${ITEM} li[aria-label="completable-prompt"] ${byRole('button', 'Use')}`).click();
    const dialog = 'dialog[aria-label="Use completable-prompt"]';
    await panel.waitForSelector(dialog);
    await panel.locator(`${dialog} ${byRole('textbox', 'department')}`).fill('Mar');
    await panel.locator(`${dialog} ${byRole('option', 'Marketing')}`).click();
    await panel.locator(`${dialog} ${byRole('textbox', 'name')}`).fill('Ir');
    await panel.locator(`${dialog} ${byRole('option', 'Iris')}`).click();
    await panel.locator(`${dialog} ${byRole('button', 'Insert')}`).click();
    await panel.waitForSelector('[role="tab"][aria-selected="true"]::-p-text(Chat)');
    await panel.waitForFunction(() => (document.querySelector('textarea[aria-label="Message"]') as HTMLTextAreaElement | null)?.value.includes('Iris'), { timeout: 10_000 });
    expect(await messageValue()).toBe('Please promote Iris to the head of the Marketing team.');
  });

  it('reads a filled template, attaches it, and the model receives it with the next message', async () => {
    await panel.locator(byRole('tab', 'Connectors')).click();
    await panel.locator(`${ITEM} ${byRole('tab', 'Resources')}`).click();
    const row = `${ITEM} li[aria-label="Dynamic Text Resource"]`;
    await panel.locator(`${row} ${byRole('textbox', 'resourceId')}`).fill('3');
    await panel.locator(`${row} ${byRole('button', 'Read')}`).click();
    await panel.waitForSelector(`${row} section[aria-label="Contents of demo://resource/dynamic/text/3"] pre::-p-text(Resource 3: This is a plaintext resource)`, { timeout: 10_000 });
    await panel.locator(`${row} ${byRole('button', 'Attach')}`).click();
    await panel.waitForSelector(`${row} [role="status"]::-p-text(Attached to the next message)`);
    await panel.locator(byRole('tab', 'Chat')).click();
    await panel.waitForSelector(byRole('button', 'Remove Dynamic Text Resource (3)'), { timeout: 10_000 });
    model.script([{ type: 'text', text: 'Read it in Firefox.' }]);
    await panel.locator('textarea[aria-label="Message"]').fill('Summarise the attachment');
    await panel.locator(byRole('button', 'Send')).click();
    await panel.waitForSelector('::-p-text(Read it in Firefox.)', { timeout: 20_000 });
    const request = model.requests.find((r) => r.method === 'POST' && r.path.endsWith('/chat/completions'))!;
    const user = (request.body as { messages: { role: string; content: { type: string; text: string }[] }[] }).messages.find((m) => m.role === 'user')!;
    expect(user.content[0]).toEqual({ type: 'text', text: 'Summarise the attachment' });
    expect(user.content.map((part) => part.text).join('\n')).toContain('Resource 3: This is a plaintext resource');
  });

  it('reads a Markdown resource with syntax colours: the grammar’s token spans, the text unchanged', async () => {
    await panel.locator(byRole('tab', 'Connectors')).click();
    await panel.locator(`${ITEM} ${byRole('tab', 'Resources')}`).click();
    const row = `${ITEM} li[aria-label="architecture.md"]`;
    await panel.locator(`${row} ${byRole('button', 'Read')}`).click();
    const text = `${row} section[aria-label^="Contents of"] pre[data-language="markdown"]`;
    await panel.waitForSelector(`${text} span.hljs-section`, { timeout: 10_000 });
    const shown = await panel.$eval(text, (pre) => ({
      text: pre.textContent,
      tags: [...new Set([...pre.querySelectorAll('*')].map((element) => element.tagName))],
      plain: getComputedStyle(pre).color,
      heading: getComputedStyle(pre.querySelector('span.hljs-section')!).color,
    }));
    expect(shown.text).toMatch(/^# Everything Server – Architecture\n/);
    expect(shown.tags).toEqual(['SPAN']);
    expect(shown.heading).not.toBe(shown.plain);
  });
});
