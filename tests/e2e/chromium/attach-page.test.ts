import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_NOISE, SELECTED_PARAGRAPH, startArticlePage } from '../../fixtures/pages/article-page';
import { startPolicyServer, type PolicyServer } from '../../fixtures/mcp-servers/policy-server';
import { startModelServer, type ModelServer, type RecordedRequest } from '../../fixtures/model-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import type { ChatPage } from '../pages/chat-page';

describe('Attach page in Chromium: the tab beside the panel reaches the model as marked data', () => {
  const fixture = useChromiumPanel();
  let site: { url: string; close(): Promise<void> };
  let server: PolicyServer;
  let model: ModelServer;
  let chat: ChatPage;
  let tab: Page;

  beforeAll(async () => {
    site = await startArticlePage();
    server = await startPolicyServer();
    model = await startModelServer({ apiKey: 'sk-page', models: ['scripted-model'] });
    const settings = await fixture.panel.openSettings();
    await settings.fill({ apiKey: 'sk-page', baseUrl: model.url, model: 'scripted-model' });
    await settings.save();
    const connectors = await fixture.panel.openConnectors();
    await connectors.add({ name: 'Notes', url: server.url });
    await connectors.waitForTool('Notes', 'read_notes');
    chat = await fixture.panel.openChat();
    await chat.newConversation();
    // The page is the current tab of the window, as when the panel sits beside it.
    tab = await fixture.chromium.context.newPage();
    await tab.goto(site.url);
  });
  afterAll(async () => {
    await model?.close();
    await server?.close();
    await site?.close();
  });

  const modelRequests = (): RecordedRequest[] => model.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/chat/completions'));
  const userContent = (request: RecordedRequest) => JSON.stringify((request.body as { messages: { role: string; content: unknown }[] }).messages.filter((m) => m.role === 'user').at(-1)?.content);

  async function attachAndSend(text: string, answer: string): Promise<string> {
    const panel = fixture.panel.page;
    await panel.getByRole('button', { name: 'Attach page', exact: true }).click();
    await panel.getByRole('button', { name: /^Remove (Selection|Page): Life in tide pools$/ }).waitFor({ timeout: 10_000 });
    const before = modelRequests().length;
    model.script([{ type: 'text', text: answer }]);
    await chat.send(text);
    await chat.answerText(answer).waitFor({ timeout: 20_000 });
    return userContent(modelRequests()[before]!);
  }

  it('with a selection: the selection, and not the rest of the page, is in the model’s request', async () => {
    await tab.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('p3')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const sent = await attachAndSend('What does the selection say?', 'It is about hermit crabs.');
    expect(sent).toContain(SELECTED_PARAGRAPH);
    expect(sent).toContain('selection on a web page');
    expect(sent).not.toContain('barnacles');
    expect(sent).not.toContain('Tide pools form where');
  });

  it('without a selection: the readable text, without the navigation and the scripts', async () => {
    await tab.evaluate(() => getSelection()!.removeAllRanges());
    await fixture.panel.page.setViewportSize({ width: 400, height: 720 });
    const panel = fixture.panel.page;
    await panel.getByRole('button', { name: 'Attach page', exact: true }).click();
    await panel.getByRole('button', { name: 'Remove Page: Life in tide pools' }).waitFor({ timeout: 10_000 });
    await panel.screenshot({ path: '/tmp/patchbay-budget/attach-page-400.png' });
    await panel.getByRole('button', { name: 'Remove Page: Life in tide pools' }).click();
    const sent = await attachAndSend('Summarise the page', 'A page about tide pools.');
    expect(sent).toContain('Tide pools form where');
    expect(sent).toContain('put every stone back');
    expect(sent).toContain('source=\\"web page\\"');
    for (const noise of PAGE_NOISE) expect(sent).not.toContain(noise);
  });
});
