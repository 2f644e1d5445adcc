import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerEverything, type RunningServer } from '../../fixtures/mcp-servers/server-everything';
import { byRole, FIREFOX_BUILD_DIR, launchFirefoxWithExtension, openPanelPage, type FirefoxWithExtension } from '../harness/firefox';

describe('Connectors in Firefox', () => {
  let firefox: FirefoxWithExtension | undefined;
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServerEverything('streamableHttp');
    firefox = await launchFirefoxWithExtension(FIREFOX_BUILD_DIR);
    await openPanelPage(firefox.page, firefox.extensionUrl('sidepanel.html'));
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('adds server-everything: Connected, tools listed', async () => {
    const page = firefox!.page;
    await page.locator(byRole('tab', 'Connectors')).click();
    await page.locator(byRole('button', 'Add connector')).click();
    await page.locator(byRole('textbox', 'Name')).fill('Everything');
    await page.locator(byRole('textbox', 'URL')).fill(server.url);
    await page.locator(byRole('button', 'Save')).click();
    const status = await page.waitForSelector('li[aria-label="Everything"] .connector-status[data-state="connected"]', { timeout: 20_000 });
    expect(await status!.evaluate((el) => el.textContent)).toBe('Connected');
    const echo = await page.waitForSelector('li[aria-label="Everything"] [role="switch"][aria-label="echo"]', { timeout: 20_000 });
    expect(await echo!.evaluate((el) => el.getAttribute('aria-checked'))).toBe('true');
    const count = await page.$$eval('li[aria-label="Everything"] [role="switch"]', (switches) => switches.length);
    expect(count).toBeGreaterThan(5);
  });
});
