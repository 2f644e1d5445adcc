import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPolicyServer, type PolicyServer } from '../../fixtures/mcp-servers/policy-server';
import { startModelServer, type ModelServer, type RecordedRequest } from '../../fixtures/model-server';
import { byRole, FIREFOX_BUILD_DIR, launchFirefoxWithExtension, openPanelInNewPage, type FirefoxWithExtension } from '../harness/firefox';
import { saveModelSettingsInFirefox, addConnectorInFirefox } from '../harness/firefox-panel-setup';

const WRITE = 'Notes__write_note';
const READ = 'Notes__read_notes';
const CARD = byRole('article', 'Approve write_note?');

/** The Chromium test of the same name, in Firefox: a repeated call id never smuggles a write past its card. */
describe('a model that repeats a call id, in Firefox against a recording server', () => {
  let firefox: FirefoxWithExtension | undefined;
  let server: PolicyServer;
  let model: ModelServer;
  let panel: Page;

  beforeAll(async () => {
    server = await startPolicyServer();
    model = await startModelServer({ apiKey: 'sk-dup-ff', models: ['scripted-model'] });
    firefox = await launchFirefoxWithExtension(FIREFOX_BUILD_DIR);
    panel = await openPanelInNewPage(firefox);

    await saveModelSettingsInFirefox(panel, { apiKey: 'sk-dup-ff', baseUrl: model.url, model: 'scripted-model' });

    await addConnectorInFirefox(panel, 'Notes', server.url, 'write_note');
    await panel.locator(byRole('tab', 'Chat')).click();
  }, 120_000);
  afterAll(async () => {
    await firefox?.close();
    await model?.close();
    await server?.close();
  });

  const writes = () => server.calls.filter((call) => call.name === 'write_note');
  const reads = () => server.calls.filter((call) => call.name === 'read_notes');
  const chatRequests = (): RecordedRequest[] => model.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/chat/completions'));
  const write = (title: string, id: string) => ({ name: WRITE, arguments: JSON.stringify({ title, body: `Body of ${title}` }), id });
  const read = (id: string) => ({ name: READ, arguments: '{}', id });

  /** The pending card's text, or null while there is none (a decided card shows no Approve). */
  const pendingCardText = () =>
    panel.evaluate((name) => {
      const approves = (card: Element) => [...card.querySelectorAll('button')].some((button) => button.textContent?.trim() === 'Approve');
      const card = [...document.querySelectorAll('article')].find((a) => a.getAttribute('aria-label') === name && approves(a));
      return card?.textContent ?? null;
    }, 'Approve write_note?');

  async function startConversation(message: string): Promise<void> {
    await panel.locator(byRole('button', 'New conversation')).click();
    const notes = await panel.waitForSelector(byRole('checkbox', 'Notes'), { timeout: 20_000 });
    if (!(await notes!.evaluate((box) => (box as HTMLInputElement).checked))) await notes!.click();
    await panel.locator(byRole('textbox', 'Message')).fill(message);
    await panel.locator(byRole('button', 'Send')).click();
  }

  /** Waits for the write's card; fails at once, saying so, if a write reaches the server first. */
  async function cardBeforeAnyWrite(writesBefore: number): Promise<string> {
    const seen = async () => (writes().length > writesBefore ? 'a write reached the server' : (await pendingCardText()) !== null ? 'card' : 'waiting');
    await expect.poll(seen, { timeout: 20_000 }).toBe('card');
    return (await pendingCardText())!;
  }

  async function approveAndWait(answer: string): Promise<void> {
    await panel.locator(`${CARD} >>> ${byRole('button', 'Approve')}`).click();
    await panel.waitForFunction((text) => document.body.textContent?.includes(text), { timeout: 20_000 }, answer);
  }

  /** The tool-call ids of the last assistant message the model was sent. */
  function idsSentBack(): string[] {
    const body = chatRequests().at(-1)!.body as { messages: { role: string; tool_calls?: { id: string }[] }[] };
    return body.messages.filter((m) => m.role === 'assistant' && m.tool_calls).at(-1)!.tool_calls!.map((call) => call.id);
  }

  it('a write, then a read with the same id: no write until Approve, then exactly the call the card showed', async () => {
    model.script([{ type: 'tool-calls', calls: [write('shown-in-firefox', 'dup'), read('dup')] }, { type: 'text', text: 'Firefox note written.' }]);
    await startConversation('Write the note');
    expect(await cardBeforeAnyWrite(0)).toContain('Body of shown-in-firefox');
    await expect.poll(() => chatRequests().length).toBe(1);
    expect(writes()).toEqual([]);
    expect(reads()).toEqual([]);

    await approveAndWait('Firefox note written.');
    expect(writes().map((call) => call.arguments)).toEqual([{ title: 'shown-in-firefox', body: 'Body of shown-in-firefox' }]);
    expect(reads()).toEqual([]);
    expect(new Set(idsSentBack()).size).toBe(2);
  });

  it('a read, then a write with the same id: the read runs, the write never does; a fresh call asks and sends exactly it', async () => {
    const readsBefore = reads().length;
    const writesBefore = writes().length;
    model.script([
      { type: 'tool-calls', calls: [read('dup2'), write('smuggled', 'dup2')] },
      { type: 'tool-calls', calls: [write('asked-in-firefox', 'fresh')] },
      { type: 'text', text: 'Asked in Firefox and written.' },
    ]);
    await startConversation('Read, then write');
    expect(await cardBeforeAnyWrite(writesBefore)).toContain('Body of asked-in-firefox');
    expect(reads()).toHaveLength(readsBefore + 1);
    expect(JSON.stringify(chatRequests().at(-1)!.body)).toMatch(/dup2.*same step/);

    await approveAndWait('Asked in Firefox and written.');
    expect(writes().slice(writesBefore).map((call) => call.arguments)).toEqual([{ title: 'asked-in-firefox', body: 'Body of asked-in-firefox' }]);
  });
});
