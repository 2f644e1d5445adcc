import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPolicyServer, type PolicyServer } from '../../fixtures/mcp-servers/policy-server';
import { startModelServer, type ModelServer, type RecordedRequest } from '../../fixtures/model-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { killServiceWorker } from '../harness/service-worker';
import type { ConnectorsPage } from '../pages/connectors-page';

const NAME = 'Notes';

describe('a switched-off tool in Chromium, through reloads, Refresh tools and a chat', () => {
  const fixture = useChromiumPanel();
  let server: PolicyServer;
  let model: ModelServer;

  beforeAll(async () => {
    server = await startPolicyServer();
    model = await startModelServer({ apiKey: 'sk-switches', models: ['scripted-model'] });
    const settings = await fixture.panel.openSettings();
    await settings.fill({ apiKey: 'sk-switches', baseUrl: model.url, model: 'scripted-model' });
    await settings.save();
    const connectors = await fixture.panel.openConnectors();
    await connectors.add({ name: NAME, url: server.url });
    await connectors.waitForTool(NAME, 'read_notes');
  });
  afterAll(async () => {
    await model?.close();
    await server?.close();
  });

  const modelRequests = (): RecordedRequest[] => model.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/chat/completions'));
  const checked = (connectors: ConnectorsPage, tool: string) => connectors.toolSwitch(NAME, tool).getAttribute('aria-checked');

  /** Presses Refresh tools and waits until the panel shows the list it fetched. */
  async function refresh(connectors: ConnectorsPage): Promise<void> {
    const before = await connectors.toolsFetchedAt(NAME);
    await connectors.item(NAME).getByRole('button', { name: 'Refresh tools' }).click();
    await expect.poll(() => connectors.toolsFetchedAt(NAME), { timeout: 20_000 }).toBeGreaterThan(before);
    await connectors.toolChanges(NAME).filter({ hasText: 'No changes.' }).waitFor();
  }

  it('stays off after a reload and Refresh tools, and after the worker dies and Refresh tools again', async () => {
    const connectors = await fixture.panel.openConnectors();
    await connectors.waitForStatus(NAME, /^Connected$/);
    await connectors.toolSwitch(NAME, 'read_notes').click();
    await connectors.item(NAME).locator('[role="switch"][aria-label="read_notes"][aria-checked="false"]').waitFor();

    await fixture.panel.reload();
    const reloaded = await fixture.panel.openConnectors();
    await reloaded.waitForStatus(NAME, /^Connected$/);
    expect(await checked(reloaded, 'read_notes')).toBe('false');
    await refresh(reloaded);
    expect(await checked(reloaded, 'read_notes')).toBe('false');
    expect(await checked(reloaded, 'write_note')).toBe('true');

    await killServiceWorker(fixture.panel.page);
    await fixture.panel.reload();
    const restarted = await fixture.panel.openConnectors();
    await restarted.waitForStatus(NAME, /^Connected$/);
    await refresh(restarted);
    expect(await checked(restarted, 'read_notes')).toBe('false');
  });

  it('is not offered to the model, and a call to it never reaches the server', async () => {
    const chat = await fixture.panel.openChat();
    await chat.newConversation();
    await chat.useConnectors(NAME);
    const before = modelRequests().length;
    // A model that calls the read-only tool anyway: were it admitted, it would run without a card.
    model.script([{ type: 'tool-calls', calls: [{ name: 'Notes__read_notes', arguments: '{}' }] }, { type: 'text', text: 'Could not read the notes.' }]);
    await chat.send('Read my notes');
    await chat.answerText('Could not read the notes.').waitFor({ timeout: 20_000 });

    const first = modelRequests()[before]!.body as { tools?: { function: { name: string } }[] };
    const offered = (first.tools ?? []).map((tool) => tool.function.name);
    expect(offered).toContain('Notes__write_note');
    expect(offered).not.toContain('Notes__read_notes');
    expect(server.calls.filter((call) => call.name === 'read_notes')).toEqual([]);
  });
});
