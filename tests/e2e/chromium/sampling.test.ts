import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSamplingToolsServer } from '../../fixtures/mcp-servers/sampling-tools-server';
import { startModelServer, type ModelServer, type RecordedRequest } from '../../fixtures/model-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { useEverythingConnector } from '../harness/everything-connector';

const TOOL = 'trigger-sampling-request';
const CARD = 'Sampling request from Everything';

describe('sampling in Chromium: server-everything asks, the scripted model answers, the person decides', () => {
  const fixture = useChromiumPanel();
  useEverythingConnector(fixture, TOOL);
  let model: ModelServer;

  beforeAll(async () => {
    model = await startModelServer({ apiKey: 'sk-sampling-e2e', models: ['scripted-model'] });
    const settings = await fixture.panel.openSettings();
    await settings.fill({ apiKey: 'sk-sampling-e2e', baseUrl: model.url, model: 'scripted-model' });
    await settings.save();
  });
  afterAll(async () => model?.close());

  const modelRequests = (): RecordedRequest[] => model.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/chat/completions'));

  async function runSamplingTool(prompt: string) {
    const connectors = await fixture.panel.openConnectors();
    const dialog = await connectors.openRunDialog('Everything', TOOL);
    await dialog.getByLabel('prompt', { exact: true }).fill(prompt);
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    const card = dialog.getByRole('article', { name: CARD });
    await card.waitFor({ timeout: 20_000 });
    return { dialog, card, result: dialog.getByRole('region', { name: 'Result' }) };
  }

  it('shows the request, samples on Approve, and sends the reviewed answer, which the tool returns', async () => {
    model.script([{ type: 'text', text: 'SCRIPTED-SAMPLE-ANSWER <b>not bold</b>' }]);
    const before = modelRequests().length;
    const { dialog, card, result } = await runSamplingTool('Say hello <img src=x onerror=alert(1)>');
    // The server's words, as plain text: its system prompt and message, markup shown, not rendered.
    await card.getByText('You are a helpful test server.').waitFor();
    await card.getByText('Say hello <img src=x onerror=alert(1)>', { exact: false }).waitFor();
    expect(await card.locator('img').count()).toBe(0);
    expect(modelRequests().length).toBe(before);

    await card.getByRole('button', { name: 'Approve', exact: true }).click();
    const answer = card.getByRole('textbox', { name: 'Answer from scripted-model' });
    await answer.waitFor({ timeout: 20_000 });
    expect(await answer.inputValue()).toBe('SCRIPTED-SAMPLE-ANSWER <b>not bold</b>');
    expect(await card.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(0);
    const sent = JSON.stringify(modelRequests().at(-1)!.body);
    expect(sent).toContain('You are a helpful test server.');
    expect(sent).toContain('Say hello');

    await fixture.panel.page.setViewportSize({ width: 400, height: 900 });
    await card.screenshot({ path: join(tmpdir(), 'patchbay-sampling-review.png') });
    await fixture.panel.page.emulateMedia({ colorScheme: 'dark' });
    await card.screenshot({ path: join(tmpdir(), 'patchbay-sampling-review-dark.png') });
    await fixture.panel.page.emulateMedia({ colorScheme: null });

    await answer.fill('SCRIPTED-SAMPLE-ANSWER, reviewed');
    await card.getByRole('button', { name: 'Send to server' }).click();
    await result.locator('.result-text').filter({ hasText: 'SCRIPTED-SAMPLE-ANSWER, reviewed' }).waitFor({ timeout: 20_000 });
    await card.getByText('Answer sent to the server').waitFor();
    expect(await card.getByRole('button', { name: 'Send to server' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('from chat: after the write is approved, the card appears under the call, and the sent answer reaches the model as the tool’s result', async () => {
    const chat = await fixture.panel.openChat();
    await chat.newConversation();
    await chat.useConnectors('Everything');
    model.script([
      { type: 'tool-calls', calls: [{ name: `Everything__${TOOL}`, arguments: '{"prompt":"Name a colour","maxTokens":20}' }] },
      { type: 'text', text: 'CHAT-SAMPLE-BLUE' },
      { type: 'text', text: 'The server got its colour.' },
    ]);
    await chat.send('Let the server ask for a colour');
    await chat.approvalCard(TOOL).getByRole('button', { name: 'Approve', exact: true }).click({ timeout: 20_000 });
    const messages = fixture.panel.page.getByRole('region', { name: 'Messages' });
    const card = messages.getByRole('article', { name: CARD });
    await card.getByRole('button', { name: 'Approve', exact: true }).click({ timeout: 20_000 });
    await card.getByRole('button', { name: 'Send to server' }).click({ timeout: 20_000 });
    await chat.answerText('The server got its colour.').waitFor({ timeout: 20_000 });
    const lastChat = JSON.stringify(modelRequests().at(-1)!.body);
    expect(lastChat).toContain('CHAT-SAMPLE-BLUE');
  });

  it('a tool use the model wants: named with its input and risk, editable, and kept from the server on Discard', async () => {
    const planner = await startSamplingToolsServer();
    try {
      const connectors = await fixture.panel.openConnectors();
      await connectors.add({ name: 'Planner', url: planner.url });
      await connectors.waitForTool('Planner', 'plan_day');
      model.script([{ type: 'tool-calls', calls: [{ name: 'Planner__book_table', arguments: '{"place":"Le Train Bleu"}' }] }]);
      const dialog = await connectors.openRunDialog('Planner', 'plan_day');
      await dialog.getByRole('button', { name: 'Run', exact: true }).click();
      const card = dialog.getByRole('article', { name: 'Sampling request from Planner' });
      await card.getByText('get_weather, book_table (tool choice: auto; the server runs them, never Patchbay)').waitFor({ timeout: 20_000 });
      await card.getByRole('button', { name: 'Approve', exact: true }).click();
      const input = card.getByRole('textbox', { name: 'Input for book_table' });
      await input.waitFor({ timeout: 20_000 });
      expect(JSON.parse(await input.inputValue())).toEqual({ place: 'Le Train Bleu' });
      await card.getByText('Write action: needs your approval').waitFor();
      await input.fill('{ not json');
      await card.getByText('Not a JSON object: fix it before sending.').waitFor();
      expect(await card.getByRole('button', { name: 'Send to server' }).isDisabled()).toBe(true);
      await fixture.panel.page.setViewportSize({ width: 400, height: 900 });
      await card.screenshot({ path: join(tmpdir(), 'patchbay-sampling-tool-use.png') });
      await card.getByRole('button', { name: 'Discard' }).click();
      await dialog.getByRole('region', { name: 'Result' }).getByText(/discarded the model’s answer/).first().waitFor({ timeout: 20_000 });
      expect(planner.ran).toEqual([]);
      await dialog.getByRole('button', { name: 'Close' }).click();
    } finally {
      await planner.close();
    }
  });

  it('Deny answers the server with an error the tool reports, and the model is never asked', async () => {
    const before = modelRequests().length;
    const { dialog, card, result } = await runSamplingTool('Please do not');
    await card.getByRole('button', { name: 'Deny', exact: true }).click();
    await card.getByText('Denied', { exact: true }).waitFor({ timeout: 20_000 });
    await result.getByText(/denied this sampling request/).first().waitFor({ timeout: 20_000 });
    expect(modelRequests().length).toBe(before);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });
});
