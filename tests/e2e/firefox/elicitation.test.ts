import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerEverything, type RunningServer } from '../../fixtures/mcp-servers/server-everything';
import { seedSettledHandRuns, settledRequestCounts } from '../harness/stored-requests';
import { byRole, FIREFOX_BUILD_DIR, launchFirefoxWithExtension, openPanelInNewPage, type FirefoxWithExtension } from '../harness/firefox';

const TOOL = 'trigger-elicitation-request';
const ITEM = 'li[aria-label="Everything"]';
const CARD = '::-p-aria([role="article"][name="Request from Everything"])';

// server-everything's elicitation tool run by hand in Firefox: the form card in the Run dialog,
// filled and accepted, and the tool's result holds what the person typed; the retention's prune
// that follows keeps the card and bounds the connector's history.
describe('elicitation in Firefox', () => {
  let firefox: FirefoxWithExtension | undefined;
  let server: RunningServer;
  let panel: Page;

  beforeAll(async () => {
    server = await startServerEverything('streamableHttp');
    firefox = await launchFirefoxWithExtension(FIREFOX_BUILD_DIR);
    panel = await openPanelInNewPage(firefox);
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('shows the form in the Run dialog, and the tool gets the accepted values', async () => {
    await panel.locator(byRole('tab', 'Connectors')).click();
    await panel.locator(byRole('button', 'Add connector')).click();
    await panel.locator(byRole('textbox', 'Name')).fill('Everything');
    await panel.locator(byRole('textbox', 'URL')).fill(server.url);
    await panel.locator(byRole('button', 'Save')).click();
    await panel.waitForSelector(`${ITEM} [role="switch"][aria-label="${TOOL}"]`, { timeout: 30_000 });
    await panel.evaluate((tool) => {
      const row = document.querySelector(`[role="switch"][aria-label="${tool}"]`)?.closest('li');
      const run = [...(row?.querySelectorAll('button') ?? [])].find((button) => button.textContent?.trim() === 'Run');
      run?.click();
    }, TOOL);
    // An hour of earlier hand runs, 250 of them: more than the 200 a connector keeps outside conversations.
    await panel.evaluate(seedSettledHandRuns, { connectorLabel: 'Everything', count: 250, after: Date.now() - 3_600_000 });
    const dialog = await panel.waitForSelector(`dialog[aria-label="Run ${TOOL}"]`);
    await (await dialog!.waitForSelector('::-p-aria([role="button"][name="Run"])'))!.click();

    const card = await panel.waitForSelector(CARD, { timeout: 20_000 });
    await (await card!.waitForSelector('::-p-aria([role="textbox"][name="String"])'))!.type('Ada Lovelace');
    expect(await card!.$eval('::-p-aria([role="spinbutton"][name="Integer"])', (input) => (input as HTMLInputElement).value)).toBe('42');
    await (await card!.waitForSelector('::-p-aria([role="button"][name="Accept"])'))!.click();

    await panel.waitForSelector(`dialog[aria-label="Run ${TOOL}"] [aria-label="Result"] ::-p-text(Name: Ada Lovelace)`, { timeout: 20_000 });
    await panel.waitForSelector(`${CARD} ::-p-text(You accepted)`);
    expect(await panel.$$eval(`${CARD} button`, (buttons) => buttons.map((b) => b.textContent))).not.toContain('Accept');

    // Its settlement started a prune: the history is back to 200, and the card still shows where it did.
    await expect.poll(() => panel.evaluate(settledRequestCounts, 'Everything'), { timeout: 15_000 }).toEqual({ withoutConversation: 200, inConversations: 0 });
    await panel.waitForSelector(`dialog[aria-label="Run ${TOOL}"] ${CARD} ::-p-text(You accepted)`);
  });
});
