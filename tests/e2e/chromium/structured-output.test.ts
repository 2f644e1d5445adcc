import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStructuredOutputServer, type StructuredOutputServer } from '../../fixtures/mcp-servers/structured-output-server';
import { startModelServer, type ModelServer, type RecordedRequest } from '../../fixtures/model-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import type { ChatPage } from '../pages/chat-page';
import type { ConnectorsPage } from '../pages/connectors-page';

describe('structured output that breaks its schema, in Chromium', () => {
  const fixture = useChromiumPanel();
  let server: StructuredOutputServer;
  let model: ModelServer;
  let connectors: ConnectorsPage;
  let chat: ChatPage;

  beforeAll(async () => {
    server = await startStructuredOutputServer();
    model = await startModelServer({ apiKey: 'sk-structured', models: ['scripted-model'] });
    const settings = await fixture.panel.openSettings();
    await settings.fill({ apiKey: 'sk-structured', baseUrl: model.url, model: 'scripted-model' });
    await settings.save();
    connectors = await fixture.panel.openConnectors();
    await connectors.add({ name: 'Weather', url: server.url });
    await connectors.waitForTool('Weather', 'broken_forecast');
  });
  afterAll(async () => {
    await model?.close();
    await server?.close();
  });

  const modelRequests = (): RecordedRequest[] => model.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/chat/completions'));

  it('a hand run shows the mismatch beside the output the server sent', async () => {
    const dialog = await connectors.openRunDialog('Weather', 'broken_forecast');
    await dialog.getByLabel('city', { exact: true }).fill('Lyon');
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    const result = dialog.getByRole('region', { name: 'Result' });
    await result.getByRole('note', { name: 'Output schema mismatch' }).waitFor({ timeout: 10_000 });
    await expect(result.textContent()).resolves.toContain('Lyon: 21 degrees');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('in the chat the card says the output does not match, and the model gets a tool error', async () => {
    chat = await fixture.panel.openChat();
    await chat.newConversation();
    await chat.useConnectors('Weather');
    const before = modelRequests().length;
    model.script([
      { type: 'tool-calls', calls: [{ name: 'Weather__broken_forecast', arguments: '{"city":"Lyon"}' }] },
      { type: 'text', text: 'The forecast tool misbehaved.' },
    ]);
    await chat.send('Weather in Lyon?');
    await chat.answerText('The forecast tool misbehaved.').waitFor({ timeout: 20_000 });
    await expect(chat.toolCard('broken_forecast').getAttribute('aria-label')).resolves.toMatch(/output does not match its schema/);
    const followUp = modelRequests()[before + 1]!.body as { messages: { role: string; content: unknown }[] };
    const answer = JSON.stringify(followUp.messages.find((message) => message.role === 'tool')?.content);
    expect(answer).toMatch(/isError/);
    expect(answer).toMatch(/does not match its output schema/);
  });
});
