import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerEverything, type RunningServer } from '../../fixtures/mcp-servers/server-everything';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';
import { byRole, FIREFOX_BUILD_DIR, launchFirefoxWithExtension, openPanelInNewPage, type FirefoxWithExtension } from '../harness/firefox';
import { addConnectorInFirefox, saveModelSettingsInFirefox, sendMessageInFirefox } from '../harness/firefox-panel-setup';

/** The Chromium test cold-open-reads in Firefox: a reopened panel still gets all its first screen left for later. */
describe('a reopened panel in Firefox, after its first screen', () => {
  let firefox: FirefoxWithExtension | undefined;
  let everything: RunningServer;
  let model: ModelServer;
  let panel: Page;

  const bodyText = () => panel.evaluate(() => document.body.textContent ?? '');
  const drawerItems = () => panel.evaluate(() => [...document.querySelectorAll('nav[aria-label="Conversations"] li')].map((item) => item.textContent ?? ''));

  beforeAll(async () => {
    everything = await startServerEverything('streamableHttp');
    model = await startModelServer({ apiKey: 'sk-ff-cold', models: ['scripted-model'] });
    firefox = await launchFirefoxWithExtension(FIREFOX_BUILD_DIR);
    panel = await openPanelInNewPage(firefox);
    await saveModelSettingsInFirefox(panel, { apiKey: 'sk-ff-cold', baseUrl: model.url, model: 'scripted-model' });
    await addConnectorInFirefox(panel, 'Everything', everything.url, 'echo');
    await panel.locator(byRole('tab', 'Chat')).click();
    for (const [question, answer] of [
      ['Where did I put the milk?', 'In the fridge, behind the lettuce.'],
      ['Say hi', 'Hi there.'],
    ] as const) {
      await panel.locator(byRole('button', 'New conversation')).click();
      await panel.waitForSelector(byRole('checkbox', 'Everything'), { timeout: 20_000 });
      model.script([{ type: 'text', text: answer }]);
      await sendMessageInFirefox(panel, question);
      await panel.waitForFunction((text) => document.body.textContent?.includes(text), { timeout: 20_000 }, answer);
    }
  }, 120_000);
  afterAll(async () => {
    await firefox?.close();
    await model?.close();
    await everything?.close();
  });

  it('gets the answers its first screen asked for, finds a conversation by a message’s words and opens it', async () => {
    const previous = panel;
    panel = await openPanelInNewPage(firefox!);
    await previous.close();
    // The tool budget comes from settings.get, whose reply waits until the chat is drawn.
    await panel.waitForFunction(() => /^\d+ tools · /.test(document.querySelector('[role="status"][aria-label="Tool budget"]')?.textContent ?? ''), { timeout: 20_000 });
    await panel.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('button[aria-controls]')].find((b) => b.textContent?.includes('Conversations'))?.click());
    await expect.poll(async () => (await drawerItems()).length, { timeout: 10_000 }).toBe(2);
    // "lettuce" is only in an answer, not in a title: the message search has to load and run.
    await panel.locator(byRole('searchbox', 'Search conversations')).fill('lettuce');
    await expect.poll(drawerItems, { timeout: 10_000 }).toEqual([expect.stringContaining('Where did I put the milk?')]);
    await panel.evaluate(() => document.querySelector<HTMLButtonElement>('nav[aria-label="Conversations"] li .conversation-open')?.click());
    await panel.waitForFunction(() => document.body.textContent?.includes('In the fridge, behind the lettuce.'), { timeout: 20_000 });
    expect(await bodyText()).not.toContain('Hi there.');
  });
});
