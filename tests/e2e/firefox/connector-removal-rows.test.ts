import { describe, expect, it } from 'vitest';
import { byRole, openPanelInNewPage } from '../harness/firefox';
import { useFirefoxWithEverything } from '../harness/firefox-fixture';
import { addConnectorInFirefox, clickButtonInFirefox } from '../harness/firefox-panel-setup';
import { connectorIdOfLabel, rowsOfConnector } from '../harness/rows-of-connector';

const REGION = 'section[aria-label="Evals"]';
const DIALOG = 'dialog[aria-label="Run echo"]';
const ITEM = 'li[aria-label="Everything"]';
const NONE = { evalSuites: 0, evalRuns: 0, savedCalls: 0, toolOverrides: 0, serverRequests: 0 };

// The Chromium test in Firefox: a suite, a what-if and a saved call made through the screens, the
// connector removed, and none of its rows left in the database, also for a panel opened afresh.
describe('removing a connector leaves none of its rows, in Firefox', () => {
  const world = useFirefoxWithEverything();

  async function openRunEcho(): Promise<void> {
    await world.panel.locator(byRole('tab', 'Connectors')).click();
    await world.panel.waitForSelector(`${ITEM} [role="switch"][aria-label="echo"]`, { timeout: 20_000 });
    await world.panel.evaluate((item) => {
      const row = document.querySelector(`${item} [role="switch"][aria-label="echo"]`)?.closest('li');
      [...(row?.querySelectorAll('button') ?? [])].find((button) => button.textContent?.trim() === 'Run')?.click();
    }, ITEM);
    await world.panel.waitForSelector(DIALOG);
  }

  it('deletes its eval suite, what-if override and saved call with it', async () => {
    const panel = world.panel;
    await addConnectorInFirefox(panel, 'Everything', world.server.url, 'echo');
    await openRunEcho();
    const message = await panel.$eval(DIALOG, (dialog) => [...dialog.querySelectorAll('label')].find((label) => label.textContent?.replace(/\*/g, '').trim() === 'message')?.htmlFor ?? '');
    await panel.locator(`${DIALOG} [id="${message}"]`).fill('hello');
    await panel.locator(`${DIALOG} input[aria-label="Call name"]`).fill('greeting');
    await panel.locator(`${DIALOG} ${byRole('button', 'Save call')}`).click();
    await panel.waitForSelector(`${DIALOG} section[aria-label="Saved calls"] ::-p-text(greeting)`, { timeout: 20_000 });
    await panel.locator(`${DIALOG} ${byRole('button', 'Close')}`).click();

    await clickButtonInFirefox(panel, 'Evals');
    await panel.waitForSelector(REGION, { timeout: 20_000 });
    await clickButtonInFirefox(panel, 'New suite');
    await panel.waitForSelector(`${REGION} ${byRole('button', 'Add case')}`, { timeout: 20_000 });
    await clickButtonInFirefox(panel, 'Add case');
    await panel.locator('form[aria-label="New case"] textarea').fill('Say hello back');
    await panel.select('form[aria-label="New case"] select', 'echo');
    await clickButtonInFirefox(panel, 'Save case');
    await panel.waitForSelector('li[aria-label="Say hello back"]', { timeout: 20_000 });
    await panel.select('form[aria-label="Override a description"] select', 'echo');
    await panel.locator('form[aria-label="Override a description"] textarea').fill('Repeats the message, loudly.');
    await clickButtonInFirefox(panel, 'Save what-if');
    await panel.waitForSelector('li[aria-label="echo description"]', { timeout: 20_000 });
    const id = (await panel.evaluate(connectorIdOfLabel, 'Everything'))!;
    await expect.poll(() => panel.evaluate(rowsOfConnector, id)).toEqual({ ...NONE, evalSuites: 1, savedCalls: 1, toolOverrides: 1 });

    await clickButtonInFirefox(panel, '← Back');
    await panel.waitForSelector(`${ITEM}`, { timeout: 20_000 });
    await panel.evaluate((item) => [...document.querySelectorAll(`${item} button`)].find((b) => b.textContent?.trim() === 'More' || b.getAttribute('aria-label') === 'More')?.dispatchEvent(new MouseEvent('click', { bubbles: true })), ITEM);
    await panel.waitForSelector(`${ITEM} ${byRole('button', 'Remove')}`, { timeout: 10_000 });
    await panel.locator(`${ITEM} ${byRole('button', 'Remove')}`).click();
    await panel.locator(`${ITEM} [role="group"][aria-label="Remove Everything?"] ${byRole('button', 'Remove')}`).click();
    await panel.waitForFunction((item) => document.querySelector(item) === null, { timeout: 20_000 }, ITEM);
    await expect.poll(() => panel.evaluate(rowsOfConnector, id)).toEqual(NONE);

    // A panel opened afresh (its own database connection) reads none of them either.
    const fresh = await openPanelInNewPage(world.firefox);
    expect(await fresh.evaluate(rowsOfConnector, id)).toEqual(NONE);
    await fresh.close();
  });
});
