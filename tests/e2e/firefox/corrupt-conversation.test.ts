import { beforeAll, describe, expect, it } from 'vitest';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';
import { byRole, openPanelInNewPage } from '../harness/firefox';
import { useFirefoxWithEverything } from '../harness/firefox-fixture';
import { addConnectorInFirefox, saveModelSettingsInFirefox } from '../harness/firefox-panel-setup';
import { putRawRow } from '../harness/raw-rows';

const ALERT = '[role="alert"] ::-p-text(This conversation cannot be opened: its stored row is damaged)';

describe('a conversation whose stored row is damaged, in Firefox', () => {
  const world = useFirefoxWithEverything();
  let model: ModelServer;

  beforeAll(async () => {
    model = await startModelServer({ apiKey: 'sk-corrupt-ff', models: ['scripted-model'] });
    await saveModelSettingsInFirefox(world.panel, { apiKey: 'sk-corrupt-ff', baseUrl: model.url, model: 'scripted-model' });
    await addConnectorInFirefox(world.panel, 'Everything', world.server.url, 'echo');
    return () => model.close();
  }, 120_000);

  it('opening it says why it cannot be shown, and the chat goes on as a new conversation', async () => {
    await world.panel.evaluate(putRawRow, { table: 'conversations', row: { id: 'damaged-1', title: 'Damaged one', updatedAt: Date.now(), connectorIds: 'all', systemPrompt: 42 } });
    // Written past Dexie: a freshly opened panel reads it.
    await world.panel.close();
    world.panel = await openPanelInNewPage(world.firefox);
    await world.panel.locator(byRole('tab', 'Chat')).click();
    await world.panel.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('button[aria-controls]')].find((b) => b.textContent?.includes('Conversations'))?.click());
    await world.panel.waitForSelector('nav[aria-label="Conversations"] .conversation-title ::-p-text(Damaged one)', { timeout: 20_000 });
    await world.panel.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('.conversation-open')].find((b) => b.querySelector('.conversation-title')?.textContent === 'Damaged one')?.click());
    const alert = await world.panel.waitForSelector(ALERT, { timeout: 20_000 });
    expect(await alert!.evaluate((element) => element.parentElement?.closest('[role="alert"]')?.textContent ?? element.textContent)).toContain('connectorIds');
    expect(await world.panel.$eval('.chat-title', (title) => title.textContent)).toBe('New conversation');
  });
});
