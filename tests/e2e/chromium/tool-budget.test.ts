import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startManyToolsServer, WEATHER_TOOL, type ManyToolsServer } from '../../fixtures/mcp-servers/many-tools-server';
import { startModelServer, type ModelServer, type RecordedRequest } from '../../fixtures/model-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import type { ChatPage } from '../pages/chat-page';

const WEATHER = `Chores__${WEATHER_TOOL}`;

describe('the tool budget in Chromium: 300 enabled tools and a scripted model', () => {
  const fixture = useChromiumPanel();
  let server: ManyToolsServer;
  let model: ModelServer;
  let chat: ChatPage;

  beforeAll(async () => {
    server = await startManyToolsServer();
    model = await startModelServer({ apiKey: 'sk-budget', models: ['scripted-model'] });
    const settings = await fixture.panel.openSettings();
    await settings.fill({ apiKey: 'sk-budget', baseUrl: model.url, model: 'scripted-model' });
    await settings.save();
    const connectors = await fixture.panel.openConnectors();
    await connectors.add({ name: 'Chores', url: server.url });
    await connectors.waitForTool('Chores', 'chore_000');
    chat = await fixture.panel.openChat();
  });
  afterAll(async () => {
    await model?.close();
    await server?.close();
  });

  const modelRequests = (): RecordedRequest[] => model.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/chat/completions'));
  const toolsOf = (request: RecordedRequest) => ((request.body as { tools?: { function: { name: string } }[] }).tools ?? []).map((tool) => tool.function.name);

  it('says what the tools cost, searches them with search_tools, and calls the tool it found; no request carries more than 128', async () => {
    await chat.newConversation();
    await chat.useConnectors('Chores');
    const budget = fixture.panel.page.getByRole('status', { name: 'Tool budget' });
    await expect.poll(() => budget.textContent()).toMatch(/^300 tools · ≈\d+k schema tokens · over the limit of 128, so the model searches them$/);
    await fixture.panel.page.setViewportSize({ width: 400, height: 720 });
    const before = modelRequests().length;
    model.script([
      { type: 'tool-calls', calls: [{ name: 'search_tools', arguments: '{"query":"weather"}' }] },
      { type: 'tool-calls', calls: [{ name: WEATHER, arguments: '{"city":"Lyon"}' }] },
      { type: 'text', text: 'It is sunny in Lyon.' },
    ]);
    await chat.send('What is the weather in Lyon?');
    await chat.answerText('It is sunny in Lyon.').waitFor({ timeout: 20_000 });
    const requests = modelRequests().slice(before);
    expect(requests).toHaveLength(3);
    for (const request of requests) expect(toolsOf(request).length).toBeLessThanOrEqual(128);
    expect(toolsOf(requests[0]!)).toEqual(['search_tools']);
    expect(toolsOf(requests[1]!)).toEqual(expect.arrayContaining(['search_tools', WEATHER]));
    // search_tools is Patchbay's own: shown as a card, never sent to the server.
    await expect.poll(() => chat.toolCard('search_tools').count()).toBe(1);
    await expect(chat.toolCard('search_tools').textContent()).resolves.toMatch(/Patchbay, built in/);
    expect(server.calls).toEqual([{ name: WEATHER_TOOL, arguments: { city: 'Lyon' } }]);
    await fixture.panel.page.screenshot({ path: '/tmp/patchbay-budget/tool-budget-400.png' });
    await fixture.panel.page.emulateMedia({ colorScheme: 'dark' });
    await fixture.panel.page.screenshot({ path: '/tmp/patchbay-budget/tool-budget-400-dark.png' });
    await fixture.panel.page.emulateMedia({ colorScheme: 'light' });
  });

  it('a lower Tool limit set for the model in Settings caps every request', async () => {
    const settings = await fixture.panel.openSettings();
    const limit = fixture.panel.page.getByLabel('Tool limit', { exact: true });
    await limit.fill('500');
    await expect(fixture.panel.page.getByRole('button', { name: 'Save', exact: true }).isDisabled()).resolves.toBe(true);
    await limit.fill('2');
    await settings.save();
    await fixture.panel.page.screenshot({ path: '/tmp/patchbay-budget/settings-tool-limit-400.png' });
    chat = await fixture.panel.openChat();
    await chat.newConversation();
    await chat.useConnectors('Chores');
    await expect.poll(() => fixture.panel.page.getByRole('status', { name: 'Tool budget' }).textContent()).toMatch(/limit of 2,/);
    const before = modelRequests().length;
    model.script([
      { type: 'tool-calls', calls: [{ name: 'search_tools', arguments: '{"query":"chore","limit":5}' }] },
      { type: 'text', text: 'Found some chores.' },
    ]);
    await chat.send('Which chores are there?');
    await chat.answerText('Found some chores.').waitFor({ timeout: 20_000 });
    const requests = modelRequests().slice(before);
    expect(requests.map((request) => toolsOf(request).length)).toEqual([1, 2]);
  });
});
