import { describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../../fixtures/model-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { useNotesChat } from '../harness/scripted-chat';
import { killServiceWorker } from '../harness/service-worker';

const WRITE = 'Notes__write_note';

describe('approvals in Chromium, with a scripted model and a server that changes under you', () => {
  const fixture = useChromiumPanel();
  const world = useNotesChat(fixture, 'sk-approvals');

  const modelRequests = (): RecordedRequest[] => world.model.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/chat/completions'));
  const writeCalls = () => world.server.calls.filter((call) => call.name === 'write_note');
  const writeCall = (title: string) => ({ type: 'tool-calls' as const, calls: [{ name: WRITE, arguments: JSON.stringify({ title, body: `Body of ${title}` }) }] });
  const pendingCard = () => world.chat.approvalCard('write_note').filter({ has: fixture.panel.page.getByRole('button', { name: 'Approve', exact: true }) });

  /** Sends a message that makes the model call write_note, and waits for its card. */
  async function askForWrite(title: string, after: string): Promise<void> {
    world.model.script([writeCall(title), { type: 'text', text: after }]);
    await world.chat.send(`Write a note titled ${title}`);
    await pendingCard().waitFor({ timeout: 20_000 });
  }

  async function decide(button: 'Approve' | 'Deny', options: { remember?: boolean } = {}): Promise<void> {
    const card = pendingCard();
    if (options.remember) await card.getByRole('checkbox', { name: 'Remember for this conversation' }).check();
    await card.getByRole('button', { name: button, exact: true }).click();
    await expect.poll(() => pendingCard().count(), { timeout: 10_000 }).toBe(0);
  }

  async function openConversation(title: RegExp): Promise<void> {
    await fixture.panel.page.getByRole('button', { name: 'Conversations', exact: true }).click();
    await fixture.panel.page.getByRole('navigation', { name: 'Conversations' }).getByText(title).first().click();
  }

  it('Deny: the server receives no call and the model receives the denial', async () => {
    await world.chat.newConversation();
    await world.chat.useConnectors('Notes');
    const before = modelRequests().length;
    await askForWrite('denied-note', 'Understood, nothing was written.');
    // The card takes focus, and Enter there approves nothing.
    await expect.poll(() => pendingCard().evaluate((card) => card === document.activeElement)).toBe(true);
    await fixture.panel.page.keyboard.press('Enter');
    await expect(pendingCard().getByRole('button', { name: 'Approve', exact: true }).isVisible()).resolves.toBe(true);
    expect(writeCalls()).toEqual([]);
    await decide('Deny');
    await world.chat.answerText('Understood, nothing was written.').waitFor({ timeout: 20_000 });
    expect(writeCalls()).toEqual([]);
    const followUp = modelRequests()[before + 1]!.body as { messages: { role: string; content: unknown }[] };
    const toolMessage = followUp.messages.find((message) => message.role === 'tool');
    expect(JSON.stringify(toolMessage?.content)).toMatch(/denied/i);
  });

  it('Approve with Remember: one call, then the next call runs without a card; a changed tool asks again with the diff', async () => {
    await world.chat.newConversation();
    await world.chat.useConnectors('Notes');
    await askForWrite('first-note', 'First note written.');
    await decide('Approve', { remember: true });
    await world.chat.answerText('First note written.').waitFor({ timeout: 20_000 });
    expect(writeCalls().map((call) => (call.arguments as { title: string }).title)).toEqual(['first-note']);

    world.model.script([writeCall('second-note'), { type: 'text', text: 'Second note written.' }]);
    await world.chat.send('Write another one');
    await world.chat.answerText('Second note written.').waitFor({ timeout: 20_000 });
    expect(writeCalls()).toHaveLength(2);
    expect(await pendingCard().count()).toBe(0);

    // The admin switch: the server changes write_note's description and says so.
    await expect.poll(() => world.server.openEventStreams(), { timeout: 20_000 }).toBeGreaterThan(0);
    await world.server.setDescription('write_note', 'Writes a note AND emails it to everyone in the company.');
    const connectors = await fixture.panel.openConnectors();
    await connectors.item('Notes').getByText(/emails it to everyone/).first().waitFor({ timeout: 20_000 });
    world.chat = await fixture.panel.openChat();
    await askForWrite('third-note', 'Third note written.');
    const changes = pendingCard().getByRole('region', { name: 'What changed' });
    await changes.getByText(/emails it to everyone/).first().waitFor();
    expect(writeCalls()).toHaveLength(2);
    await decide('Approve');
    await world.chat.answerText('Third note written.').waitFor({ timeout: 20_000 });
    expect(writeCalls()).toHaveLength(3);
  });

  it('a new conversation asks again', async () => {
    await world.chat.newConversation();
    await world.chat.useConnectors('Notes');
    await askForWrite('fresh-conversation-note', 'Not written.');
    expect(writeCalls()).toHaveLength(3);
    await decide('Deny');
    await world.chat.answerText('Not written.').waitFor({ timeout: 20_000 });
  });

  it('a panel reload asks again in a conversation with a remembered decision', async () => {
    await world.chat.newConversation();
    await world.chat.useConnectors('Notes');
    await askForWrite('before-reload', 'Written before the reload.');
    await decide('Approve', { remember: true });
    await world.chat.answerText('Written before the reload.').waitFor({ timeout: 20_000 });
    const calls = writeCalls().length;

    await fixture.panel.reload();
    world.chat = await fixture.panel.openChat();
    await openConversation(/Write a note titled before-reload/);
    await askForWrite('after-reload', 'Written after the reload.');
    expect(writeCalls()).toHaveLength(calls);
    await decide('Approve');
    await world.chat.answerText('Written after the reload.').waitFor({ timeout: 20_000 });
    expect(writeCalls()).toHaveLength(calls + 1);
  });

  it('a card pending while the worker dies is still pending after a reload, and approving sends exactly one call', async () => {
    await world.chat.newConversation();
    await world.chat.useConnectors('Notes');
    await askForWrite('survivor-note', 'Survivor written.');
    const calls = writeCalls().length;

    await killServiceWorker(fixture.panel.page);
    await fixture.panel.reload();
    world.chat = await fixture.panel.openChat();
    await openConversation(/Write a note titled survivor-note/);
    await pendingCard().waitFor({ timeout: 20_000 });
    expect(writeCalls()).toHaveLength(calls);
    await decide('Approve');
    await world.chat.answerText('Survivor written.').waitFor({ timeout: 20_000 });
    expect(writeCalls().filter((call) => (call.arguments as { title: string }).title === 'survivor-note')).toHaveLength(1);
    expect(writeCalls()).toHaveLength(calls + 1);
  });

  it('a tool changed while its card is open cannot be approved unseen: the card shows the change first', async () => {
    await world.chat.newConversation();
    await world.chat.useConnectors('Notes');
    await askForWrite('changed-under-card', 'Written after reading the change.');
    const calls = writeCalls().length;

    await expect.poll(() => world.server.openEventStreams(), { timeout: 20_000 }).toBeGreaterThan(0);
    await world.server.setDescription('write_note', 'Writes a note and deletes every other note.');
    const connectors = await fixture.panel.openConnectors();
    await connectors.item('Notes').getByText(/deletes every other note/).first().waitFor({ timeout: 20_000 });
    world.chat = await fixture.panel.openChat();

    await pendingCard().getByRole('button', { name: 'Approve', exact: true }).click();
    await pendingCard().getByRole('alert').filter({ hasText: /changed while its card was open/ }).waitFor({ timeout: 10_000 });
    await pendingCard().getByRole('region', { name: 'What changed' }).getByText(/deletes every other note/).first().waitFor();
    expect(writeCalls()).toHaveLength(calls);

    await decide('Approve');
    await world.chat.answerText('Written after reading the change.').waitFor({ timeout: 20_000 });
    expect(writeCalls()).toHaveLength(calls + 1);
  });

  it('two connectors with the same tool are both usable under distinct names, and the collision is shown', async () => {
    const connectors = await fixture.panel.openConnectors();
    await connectors.add({ name: 'Notes copy', url: world.server.url });
    await connectors.waitForTool('Notes copy', 'write_note');
    world.chat = await fixture.panel.openChat();
    await world.chat.newConversation();
    await world.chat.useConnectors('Notes', 'Notes copy');
    const notice = fixture.panel.page.getByRole('note').filter({ hasText: /write_note/ });
    await notice.filter({ hasText: 'Notes__write_note' }).filter({ hasText: 'Notes_copy__write_note' }).waitFor({ timeout: 20_000 });

    world.model.script([{ type: 'tool-calls', calls: [{ name: 'Notes_copy__write_note', arguments: '{"title":"copy-note","body":"from the copy"}' }] }, { type: 'text', text: 'Written through the copy.' }]);
    await world.chat.send('Write through the second connector');
    await pendingCard().getByText('on Notes copy').waitFor({ timeout: 20_000 });
    await decide('Approve');
    await world.chat.answerText('Written through the copy.').waitFor({ timeout: 20_000 });
    expect(writeCalls().at(-1)?.arguments).toEqual({ title: 'copy-note', body: 'from the copy' });
  });
});
