import { describe, expect, it } from 'vitest';
import { byRole } from '../harness/firefox';
import { useFirefoxWithEverything } from '../harness/firefox-fixture';
import { seedSettledHandRuns, settledRequestCounts } from '../harness/stored-requests';

const TOOL = 'trigger-elicitation-request';
const ITEM = 'li[aria-label="Everything"]';
const CARD = '::-p-aria([role="article"][name="Request from Everything"])';

// server-everything's elicitation tool run by hand in Firefox: the form card in the Run dialog,
// filled and accepted, and the tool's result holds what the person typed; the retention's prune
// that follows keeps the card and bounds the connector's history.
describe('elicitation in Firefox', () => {
  const world = useFirefoxWithEverything();

  it('shows the form in the Run dialog, and the tool gets the accepted values', async () => {
    await world.panel.locator(byRole('tab', 'Connectors')).click();
    await world.panel.locator(byRole('button', 'Add connector')).click();
    await world.panel.locator(byRole('textbox', 'Name')).fill('Everything');
    await world.panel.locator(byRole('textbox', 'URL')).fill(world.server.url);
    await world.panel.locator(byRole('button', 'Save')).click();
    await world.panel.waitForSelector(`${ITEM} [role="switch"][aria-label="${TOOL}"]`, { timeout: 30_000 });
    await world.panel.evaluate((tool) => {
      const row = document.querySelector(`[role="switch"][aria-label="${tool}"]`)?.closest('li');
      const run = [...(row?.querySelectorAll('button') ?? [])].find((button) => button.textContent?.trim() === 'Run');
      run?.click();
    }, TOOL);
    // An hour of earlier hand runs, 250 of them: more than the 200 a connector keeps outside conversations.
    await world.panel.evaluate(seedSettledHandRuns, { connectorLabel: 'Everything', count: 250, after: Date.now() - 3_600_000 });
    const dialog = await world.panel.waitForSelector(`dialog[aria-label="Run ${TOOL}"]`);
    await (await dialog!.waitForSelector('::-p-aria([role="button"][name="Run"])'))!.click();

    const card = await world.panel.waitForSelector(CARD, { timeout: 20_000 });
    await (await card!.waitForSelector('::-p-aria([role="textbox"][name="String"])'))!.type('Ada Lovelace');
    expect(await card!.$eval('::-p-aria([role="spinbutton"][name="Integer"])', (input) => (input as HTMLInputElement).value)).toBe('42');
    await (await card!.waitForSelector('::-p-aria([role="button"][name="Accept"])'))!.click();

    await world.panel.waitForSelector(`dialog[aria-label="Run ${TOOL}"] [aria-label="Result"] ::-p-text(Name: Ada Lovelace)`, { timeout: 20_000 });
    await world.panel.waitForSelector(`${CARD} ::-p-text(You accepted)`);
    expect(await world.panel.$$eval(`${CARD} button`, (buttons) => buttons.map((b) => b.textContent))).not.toContain('Accept');

    // Its settlement started a prune: the history is back to 200, and the card still shows where it did.
    await expect.poll(() => world.panel.evaluate(settledRequestCounts, 'Everything'), { timeout: 15_000 }).toEqual({ withoutConversation: 200, inConversations: 0 });
    await world.panel.waitForSelector(`dialog[aria-label="Run ${TOOL}"] ${CARD} ::-p-text(You accepted)`);
  });
});
