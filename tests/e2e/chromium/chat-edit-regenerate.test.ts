import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startModelServer, type ModelServer, type RecordedRequest } from '../../fixtures/model-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { useEverythingConnector } from '../harness/everything-connector';
import type { ChatPage } from '../pages/chat-page';

const SHOTS = '/tmp/patchbay-models';

describe('system prompt, Edit & Resend and Regenerate, in Chromium', () => {
  const fixture = useChromiumPanel();
  useEverythingConnector(fixture);
  let model: ModelServer;
  let chat: ChatPage;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    model = await startModelServer({ apiKey: 'sk-turns-e2e', models: ['scripted-model'] });
    const settings = await fixture.panel.openSettings();
    await settings.fill({ apiKey: 'sk-turns-e2e', baseUrl: model.url, model: 'scripted-model', api: 'Chat Completions' });
    await settings.save();
    chat = await fixture.panel.openChat();
  });
  afterAll(async () => model?.close());

  const chatRequests = (): RecordedRequest[] => model.requests.filter((request) => request.method === 'POST' && request.path === '/v1/chat/completions');
  const messagesOf = (request: RecordedRequest | undefined) => (request?.body as { messages: { role: string; content: unknown }[] }).messages;

  it('a system prompt set before the first message reaches the model first', async () => {
    await chat.newConversation();
    await chat.page.getByRole('button', { name: 'System prompt', exact: true }).click();
    await chat.page.getByRole('textbox', { name: 'System prompt' }).fill('You answer in haiku.');
    await chat.page.getByRole('button', { name: 'Save prompt' }).click();
    await chat.page.getByText('You answer in haiku.', { exact: true }).waitFor();

    model.script([{ type: 'text', text: 'Autumn moonlight falls.' }]);
    await chat.send('Describe the moon');
    await chat.answerText('Autumn moonlight falls.').waitFor();
    expect(messagesOf(chatRequests().at(-1))[0]).toEqual({ role: 'system', content: 'You answer in haiku.' });

    await fixture.panel.page.setViewportSize({ width: 400, height: 800 });
    await chat.page.getByRole('button', { name: 'System prompt', exact: true }).click();
    await chat.page.getByRole('textbox', { name: 'System prompt' }).waitFor();
    for (const colorScheme of ['light', 'dark'] as const) {
      await fixture.panel.page.emulateMedia({ colorScheme });
      await fixture.panel.page.screenshot({ path: `${SHOTS}/chat-system-prompt-400-${colorScheme}.png` });
    }
    await fixture.panel.page.emulateMedia({ colorScheme: 'light' });
    await chat.page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('Regenerate asks again from the same input and shows the new answer', async () => {
    const before = chatRequests().length;
    model.script([{ type: 'text', text: 'Silver disc of night.' }]);
    await chat.page.getByRole('button', { name: 'Regenerate' }).click();
    await chat.answerText('Silver disc of night.').waitFor();
    await expect.poll(() => chat.page.getByText('Autumn moonlight falls.').count()).toBe(0);
    const [regenerated] = chatRequests().slice(before);
    expect(messagesOf(regenerated)).toEqual(messagesOf(chatRequests()[before - 1]));
  });

  it('Edit puts the message back in an editor; Resend replaces that turn', async () => {
    await chat.page.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = chat.page.getByRole('textbox', { name: 'Edited message' });
    expect(await editor.inputValue()).toBe('Describe the moon');
    await editor.fill('Describe the sun');
    for (const colorScheme of ['light', 'dark'] as const) {
      await fixture.panel.page.emulateMedia({ colorScheme });
      await fixture.panel.page.screenshot({ path: `${SHOTS}/chat-edit-400-${colorScheme}.png` });
    }
    await fixture.panel.page.emulateMedia({ colorScheme: 'light' });
    model.script([{ type: 'text', text: 'Blazing noon above.' }]);
    await chat.page.getByRole('button', { name: 'Resend' }).click();
    await chat.answerText('Blazing noon above.').waitFor();
    // The title keeps the first question; the messages hold only the edited one.
    const messages = chat.page.getByRole('region', { name: 'Messages' });
    await expect.poll(() => messages.getByText('Describe the moon').count()).toBe(0);
    await messages.getByText('Describe the sun').waitFor();
    const sent = messagesOf(chatRequests().at(-1));
    expect(sent).toEqual([
      { role: 'system', content: 'You answer in haiku.' },
      { role: 'user', content: 'Describe the sun' },
    ]);
  });
});
