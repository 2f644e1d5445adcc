import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { useEverythingConnector } from '../harness/everything-connector';
import { killServiceWorker } from '../harness/service-worker';
import type { ChatPage } from '../pages/chat-page';
import { RequestCard } from '../pages/request-card';
import { newestRequestReceivedAt, seedSettledHandRuns, settledRequestCounts } from '../harness/stored-requests';

const TOOL = 'trigger-elicitation-request';

// server-everything's own elicitation tool (a form of every field type the spec allows), run by
// hand and from a chat whose scripted model calls it; the person fills in the card.
describe('elicitation in Chromium, against server-everything', () => {
  const fixture = useChromiumPanel();
  const everything = useEverythingConnector(fixture, TOOL);
  let model: ModelServer;

  beforeAll(async () => {
    model = await startModelServer({ apiKey: 'sk-elicit', models: ['scripted-model'] });
    const settings = await fixture.panel.openSettings();
    await settings.fill({ apiKey: 'sk-elicit', baseUrl: model.url, model: 'scripted-model' });
    await settings.save();
  });
  afterAll(async () => model?.close());

  async function runByHand() {
    const connectors = await fixture.panel.openConnectors();
    const dialog = await connectors.openRunDialog('Everything', TOOL);
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    const card = RequestCard.pendingIn(dialog, 'Everything');
    await card.root.waitFor({ timeout: 15_000 });
    return { dialog, card, result: dialog.getByRole('region', { name: 'Result' }) };
  }

  it('run by hand: the form shows the server’s fields with defaults, checks them, and the tool gets the values', async () => {
    const { dialog, card, result } = await runByHand();
    await card.root.getByText('Please provide inputs for the following fields:').waitFor();
    expect(await card.field('String with default').inputValue()).toBe('It was a dark and stormy night.');
    expect(await card.field('Integer').inputValue()).toBe('42');
    expect(await card.root.getByRole('checkbox', { name: 'Guitar' }).isChecked()).toBe(true);
    // Nothing reached the server yet, and Accept refuses a bad email before sending.
    expect(await result.textContent()).toContain('Running');
    await card.field('String with email format').fill('not an email');
    await card.button('Accept').click();
    await card.root.getByText('String is required.').waitFor();
    await card.root.getByText('String with email format must be an email address.').waitFor();

    await card.field('String').fill('Ada Lovelace');
    await card.field('String with email format').fill('ada@example.com');
    await card.field('Integer').fill('7');
    await card.root.getByRole('checkbox', { name: 'Piano' }).check();
    await card.field('Titled Single Select Enum').selectOption({ label: 'Wonder Woman' });
    await card.button('Accept').click();

    await result.getByText(/Name: Ada Lovelace/).first().waitFor({ timeout: 15_000 });
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('Email: ada@example.com');
    expect(text).toContain('Favorite Integer: 7');
    expect(text).toContain('"untitledMultipleSelectEnum": [');
    expect(text).toContain('"titledSingleSelectEnum": "hero-3"');
    const answered = dialog.getByRole('article', { name: 'Request from Everything', exact: true });
    await answered.getByText('You accepted').waitFor();
    expect(await answered.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('run by hand: Decline reaches the tool, which reports it', async () => {
    const { dialog, card, result } = await runByHand();
    await card.button('Decline').click();
    await result.getByText(/User declined to provide the requested information/).first().waitFor({ timeout: 15_000 });
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('from chat: the card appears under the call, and the tool’s result holds the values', async () => {
    const chat: ChatPage = await fixture.panel.openChat();
    await chat.newConversation();
    await chat.useConnectors('Everything');
    model.script([{ type: 'tool-calls', calls: [{ name: `Everything__${TOOL}`, arguments: '{}' }] }, { type: 'text', text: 'Thanks, noted.' }]);
    await chat.send('Ask me for my details');
    // A write tool (readOnlyHint false): approved first, like any write.
    const approve = chat.approvalCard(TOOL).getByRole('button', { name: 'Approve', exact: true });
    await approve.click({ timeout: 20_000 });
    const messages = fixture.panel.page.getByRole('region', { name: 'Messages' });
    const card = RequestCard.pendingIn(messages, 'Everything');
    await card.root.waitFor({ timeout: 15_000 });
    expect(await messages.getByRole('region', { name: `Requests during ${TOOL}` }).count()).toBe(1);
    await card.field('String').fill('Grace Hopper');
    await card.button('Accept').click();
    await chat.answerText('Thanks, noted.').waitFor({ timeout: 20_000 });
    const toolCard = chat.toolCard(TOOL);
    await toolCard.getByRole('button', { name: 'Details' }).click();
    await toolCard.getByText(/Name: Grace Hopper/).first().waitFor();
  });

  it('a settled request still shows under its call once the retention pruned the connector’s history', async () => {
    const { page } = fixture.panel;
    const underCall = () => page.getByRole('region', { name: `Requests during ${TOOL}` }).getByRole('article', { name: 'Request from Everything', exact: true });
    await underCall().getByText('You accepted').waitFor();
    // 250 hand runs settled since, all newer than the chat's: more than the 200 a connector keeps
    // outside conversations. One more settles (Decline), and that starts a prune.
    await page.evaluate(seedSettledHandRuns, { connectorLabel: 'Everything', count: 250, after: await page.evaluate(newestRequestReceivedAt, 'Everything') });
    const { dialog, card } = await runByHand();
    await card.button('Decline').click();
    await dialog.getByRole('article', { name: 'Request from Everything', exact: true }).getByText('You declined.').waitFor({ timeout: 15_000 });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.evaluate(settledRequestCounts, 'Everything'), { timeout: 15_000 }).toEqual({ withoutConversation: 200, inConversations: 1 });

    await fixture.panel.reload();
    await fixture.panel.openChat();
    await page.getByRole('button', { name: 'Conversations', exact: true }).click();
    await page.getByRole('navigation', { name: 'Conversations' }).getByText(/Ask me for my details/).first().click();
    await underCall().getByText('You accepted').waitFor({ timeout: 15_000 });
    expect(await underCall().getByRole('button', { name: 'Accept' }).count()).toBe(0);

    // At wake too: 250 more stored, the worker killed; the woken worker prunes with nothing settling.
    await page.evaluate(seedSettledHandRuns, { connectorLabel: 'Everything', count: 250, after: await page.evaluate(newestRequestReceivedAt, 'Everything') });
    await killServiceWorker(page);
    await expect.poll(() => page.evaluate(settledRequestCounts, 'Everything'), { timeout: 20_000 }).toEqual({ withoutConversation: 200, inConversations: 1 });
    await underCall().getByText('You accepted').waitFor();
  });

  it('a request is still answerable after the panel reopens: a hand run’s at the top of the Chat tab', async () => {
    await runByHand();
    await fixture.panel.reload();
    await fixture.panel.openChat();
    const top = fixture.panel.page.getByRole('region', { name: 'Requests from servers' });
    const card = RequestCard.pendingIn(top, 'Everything');
    await card.root.getByText(`during ${TOOL}, run by hand`).waitFor({ timeout: 15_000 });
    await card.field('String').fill('After reload');
    await card.button('Accept').click();
    await expect.poll(() => card.root.count(), { timeout: 10_000 }).toBe(0);
  });

  it('a request waiting when the worker dies is shown as not answered, with the reason, after the panel reconnects', async () => {
    const { dialog, card } = await runByHand();
    await killServiceWorker(fixture.panel.page);
    const ended = dialog.getByRole('article', { name: 'Request from Everything', exact: true });
    await ended.getByText('Not answered: Patchbay restarted while it waited.').waitFor({ timeout: 20_000 });
    await ended.getByText(/background stopped while this request waited/).waitFor();
    expect(await card.root.count()).toBe(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });
});
