import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerEverything, type RunningServer } from '../../fixtures/mcp-servers/server-everything';
import { startModelServer, type ModelServer, type RecordedRequest } from '../../fixtures/model-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import type { ChatPage } from '../pages/chat-page';
import type { ConnectorsPage } from '../pages/connectors-page';
import { ContextPage, expectValue } from '../pages/context-page';

const TEMPLATE = 'Dynamic Text Resource';

describe('prompts and resources in Chromium, against server-everything', () => {
  const fixture = useChromiumPanel();
  let server: RunningServer;
  let model: ModelServer;
  let connectors: ConnectorsPage;
  let chat: ChatPage;
  let context: ContextPage;

  beforeAll(async () => {
    server = await startServerEverything('streamableHttp');
    model = await startModelServer({ apiKey: 'sk-context-e2e', models: ['scripted-model'] });
    const settings = await fixture.panel.openSettings();
    await settings.fill({ apiKey: 'sk-context-e2e', baseUrl: model.url, model: 'scripted-model' });
    await settings.save();
    connectors = await fixture.panel.openConnectors();
    await connectors.add({ name: 'Everything', url: server.url });
    await connectors.waitForTool('Everything', 'echo');
    context = new ContextPage(fixture.panel.page);
  });
  afterAll(async () => {
    await model?.close();
    await server?.close();
  });

  const modelRequests = (): RecordedRequest[] => model.requests.filter((request) => request.method === 'POST' && /\/chat\/completions$/.test(request.path));
  const page = () => fixture.panel.page;

  async function onConnectors(): Promise<void> {
    connectors = await fixture.panel.openConnectors();
    await context.openTab('Everything', 'Tools');
    await connectors.waitForTool('Everything', 'echo');
  }

  /** Opens the Resources tab and fills the text template's variable (picked from its completion). */
  async function fillTemplate(id: string) {
    await context.openTab('Everything', 'Resources');
    const row = context.row('Everything', TEMPLATE);
    await context.completeField(row, 'resourceId', id, id);
    return row;
  }

  it('shows the negotiated protocol version, the declared capabilities and the instructions', async () => {
    await onConnectors();
    const item = context.item('Everything');
    // The capabilities are behind the card's More.
    const more = item.getByRole('button', { name: 'More', exact: true });
    if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
    await item.getByText(/^Capabilities · protocol \d{4}-\d{2}-\d{2}$/).click();
    const list = item.getByRole('definition');
    await expect.poll(() => list.allTextContents()).toEqual(expect.arrayContaining(['yes (subscribe, listChanged)']));
    await item.getByLabel('Server instructions').waitFor();
    expect((await item.getByLabel('Server instructions').textContent())!.length).toBeGreaterThan(20);
  });

  it('uses a prompt with arguments through its dialog, a completion picked, and inserts it', async () => {
    await onConnectors();
    const dialog = await context.usePrompt('Everything', 'completable-prompt');
    await context.completeField(dialog, 'department', 'En', 'Engineering');
    // By keyboard this time: the arrow marks the suggestion, Enter takes it (and does not submit).
    const name = dialog.getByLabel('name', { exact: true });
    await name.fill('A');
    await dialog.getByRole('option', { name: 'Alice', exact: true }).waitFor();
    await name.press('ArrowDown');
    await dialog.getByRole('option', { name: 'Alice', selected: true }).waitFor();
    await name.press('Enter');
    await expectValue(name, 'Alice');
    await dialog.getByRole('button', { name: 'Insert', exact: true }).click();
    await page().getByRole('tab', { name: 'Chat', selected: true }).waitFor();
    chat = await fixture.panel.openChat();
    await expectValue(chat.message, 'Please promote Alice to the head of the Engineering team.');
    await chat.message.fill('');
  });

  it('uses the same prompt through / in the Message box', async () => {
    chat = await fixture.panel.openChat();
    await chat.newConversation();
    await chat.useConnectors('Everything');
    await chat.message.fill('/completable');
    await page().getByRole('listbox', { name: 'Prompts' }).getByRole('option', { name: /completable-prompt/ }).click();
    const dialog = await context.promptDialog('completable-prompt');
    await context.completeField(dialog, 'department', 'Sa', 'Sales');
    await context.completeField(dialog, 'name', '', 'Eve');
    await dialog.getByRole('button', { name: 'Insert', exact: true }).click();
    await expectValue(chat.message, 'Please promote Eve to the head of the Sales team.');
    await chat.message.fill('');

    // By keyboard: a prompt without arguments is inserted at once.
    await chat.message.pressSequentially('/simple');
    await page().getByRole('option', { name: /simple-prompt/, selected: true }).waitFor();
    await chat.message.press('Enter');
    await expectValue(chat.message, 'This is a simple prompt without arguments.');
    await chat.message.fill('');
  });

  it('reads a listed resource, and a template filled with a completed variable', async () => {
    await onConnectors();
    await context.openTab('Everything', 'Resources');
    const resources = context.item('Everything').getByRole('list', { name: 'Resources', exact: true });
    const first = resources.getByRole('listitem').first();
    const name = (await first.getAttribute('aria-label'))!;
    await first.getByRole('button', { name: 'Read', exact: true }).click();
    const contents = first.getByRole('region', { name: `Contents of ${name}` });
    await contents.locator('pre').waitFor();
    expect((await contents.locator('pre').textContent())!.length).toBeGreaterThan(10);

    const row = await fillTemplate('5');
    await row.getByLabel('Resource URI').filter({ hasText: 'demo://resource/dynamic/text/5' }).waitFor();
    await row.getByRole('button', { name: 'Read', exact: true }).click();
    await row.getByRole('region', { name: 'Contents of demo://resource/dynamic/text/5' }).getByText(/^Resource 5: This is a plaintext resource/).waitFor();
  });

  it('attaches a resource, and the model’s next request carries it as marked data', async () => {
    await onConnectors();
    const row = await fillTemplate('4');
    await row.getByRole('button', { name: 'Attach', exact: true }).click();
    await row.getByRole('status').filter({ hasText: 'Attached to the next message' }).waitFor();
    chat = await fixture.panel.openChat();
    await chat.newConversation();
    await chat.useConnectors('Everything');
    const chipName = `${TEMPLATE} (4)`;
    await context.chip(chipName).waitFor();
    const before = modelRequests().length;
    model.script([{ type: 'text', text: 'I read the attached resource.' }]);
    await chat.send('What does the attached resource say?');
    await chat.answerText('I read the attached resource.').waitFor({ timeout: 20_000 });
    await context.chip(chipName).waitFor({ state: 'detached' });
    await page().getByRole('list', { name: 'Sent with this message' }).getByText(chipName).waitFor();

    const request = modelRequests()[before]!.body as { messages: { role: string; content: unknown }[] };
    const user = request.messages.find((message) => message.role === 'user')!;
    const parts = user.content as { type: string; text: string }[];
    expect(parts[0]).toEqual({ type: 'text', text: 'What does the attached resource say?' });
    const data = parts.slice(1).map((part) => part.text).join('\n');
    expect(data).toMatch(/<attached-context source="resource from an MCP server" connector="[^"]+" uri="demo:\/\/resource\/dynamic\/text\/4"/);
    expect(data).toContain('Resource 4: This is a plaintext resource');
  });

  it('marks an attached, subscribed resource as changed when the server updates it, and re-reads it', async () => {
    await onConnectors();
    const row = await fillTemplate('2');
    await row.getByRole('button', { name: 'Attach', exact: true }).click();
    await row.getByRole('status').filter({ hasText: 'you will see if it changes' }).waitFor();
    await context.openTab('Everything', 'Tools');
    const dialog = await connectors.openRunDialog('Everything', 'toggle-subscriber-updates');
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    await dialog.getByRole('region', { name: 'Result' }).locator('.result-text').first().waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    chat = await fixture.panel.openChat();
    const chip = context.chip(`${TEMPLATE} (2)`);
    await chip.getByText('Changed', { exact: true }).waitFor({ timeout: 15_000 });
    await chip.getByRole('button', { name: `Re-read ${TEMPLATE} (2)` }).click();
    await chip.getByText('Changed', { exact: true }).waitFor({ state: 'detached' });
    // The server goes on sending updates every 5 s, outside any request (on the session's event stream).
    await chip.getByText('Changed', { exact: true }).waitFor({ timeout: 15_000 });
    await chip.getByRole('button', { name: `Remove ${TEMPLATE} (2)` }).click();
    await chip.waitFor({ state: 'detached' });
  });

  it('reads a resource_link from a tool result on its card', async () => {
    chat = await fixture.panel.openChat();
    await chat.newConversation();
    await chat.useConnectors('Everything');
    model.script([
      { type: 'tool-calls', calls: [{ name: 'Everything__get-resource-links', arguments: '{"count":2}' }] },
      { type: 'text', text: 'Here is a link.' },
    ]);
    await chat.send('Give me a resource link');
    await chat.answerText('Here is a link.').waitFor({ timeout: 20_000 });
    const card = chat.toolCard('get-resource-links');
    await card.getByRole('button', { name: 'Details' }).click();
    // Resource 2 is text, resource 1 a blob (as server-everything numbers them).
    const link = card.getByRole('group', { name: 'Resource link Text Resource 2' });
    await link.getByRole('button', { name: 'Read', exact: true }).click();
    await link.getByRole('region', { name: 'Contents of Text Resource 2' }).getByText(/^Resource 2: This is a plaintext resource/).waitFor();
    const blob = card.getByRole('group', { name: 'Resource link Blob Resource 1' });
    await blob.getByRole('button', { name: 'Read', exact: true }).click();
    await blob.getByRole('region', { name: 'Contents of Blob Resource 1' }).getByRole('button', { name: 'Download 1' }).waitFor();
  });

  it('attaches an embedded resource from a tool result, and it goes with the next message', async () => {
    chat = await fixture.panel.openChat();
    await chat.newConversation();
    await chat.useConnectors('Everything');
    model.script([
      { type: 'tool-calls', calls: [{ name: 'Everything__get-resource-reference', arguments: '{"resourceType":"Text","resourceId":8}' }] },
      { type: 'text', text: 'Here is the resource.' },
      { type: 'text', text: 'Got the embedded one.' },
    ]);
    await chat.send('Give me a resource');
    await chat.answerText('Here is the resource.').waitFor({ timeout: 20_000 });
    const card = chat.toolCard('get-resource-reference');
    await card.getByRole('button', { name: 'Details' }).click();
    const embedded = card.getByRole('group', { name: 'Embedded resource 8' });
    await embedded.getByText(/^Resource 8: This is a plaintext resource/).waitFor();
    await embedded.getByRole('button', { name: 'Attach', exact: true }).click();
    await context.chip('8').waitFor();
    const before = modelRequests().length;
    await chat.send('And now?');
    await chat.answerText('Got the embedded one.').waitFor({ timeout: 20_000 });
    const request = modelRequests()[before]!.body as { messages: { role: string; content: unknown }[] };
    const last = request.messages.filter((message) => message.role === 'user').at(-1)!;
    expect(JSON.stringify(last.content)).toContain('uri=\\"demo://resource/dynamic/text/8\\"');
    expect(JSON.stringify(last.content)).toContain('Resource 8: This is a plaintext resource');
  });
});
