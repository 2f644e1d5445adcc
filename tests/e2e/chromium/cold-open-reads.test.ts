import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { useEverythingConnector } from '../harness/everything-connector';

/**
 * What the first screen now reads narrowly or later (P2): the chat's connector view, the drawer's
 * list items, the message search loaded with the first search, the command replies checked once
 * the screen is drawn. A reopened panel (its model remembered, so replies are held) must still
 * show all of it.
 */
describe('a reopened panel in Chromium, after its first screen', () => {
  const fixture = useChromiumPanel();
  useEverythingConnector(fixture);
  let model: ModelServer;

  beforeAll(async () => {
    model = await startModelServer({ apiKey: 'sk-cold', models: ['scripted-model'] });
    const settings = await fixture.panel.openSettings();
    await settings.fill({ apiKey: 'sk-cold', baseUrl: model.url, model: 'scripted-model' });
    await settings.save();
    const chat = await fixture.panel.openChat();
    for (const [question, answer] of [
      ['Where did I put the milk?', 'In the fridge, behind the lettuce.'],
      ['Say hi', 'Hi there.'],
    ] as const) {
      await chat.newConversation();
      await chat.useConnectors('Everything');
      model.script([{ type: 'text', text: answer }]);
      await chat.send(question);
      await chat.answerText(answer).waitFor({ timeout: 20_000 });
    }
  });
  afterAll(async () => model?.close());

  it('gets the answers its first screen asked for, finds a conversation by a message’s words and opens it', async () => {
    await fixture.panel.reload();
    const page = fixture.panel.page;
    // The tool budget comes from settings.get, whose reply waits until the chat is drawn.
    await expect.poll(() => page.getByRole('status', { name: 'Tool budget' }).textContent(), { timeout: 10_000 }).toMatch(/^\d+ tools · /);
    await page.getByRole('button', { name: /Conversations/ }).click();
    const drawer = page.getByRole('navigation', { name: 'Conversations' });
    await expect.poll(() => drawer.getByRole('listitem').count()).toBe(2);
    // "lettuce" is only in an answer, not in a title: the message search has to load and run.
    await drawer.getByRole('searchbox', { name: 'Search conversations' }).fill('lettuce');
    await expect.poll(() => drawer.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('Where did I put the milk?')]);
    await drawer.getByRole('listitem').getByText('Where did I put the milk?').click();
    await page.getByText('In the fridge, behind the lettuce.').waitFor();
    await drawer.waitFor({ state: 'hidden' });
  });
});
