import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerEverything, type RunningServer } from '../../fixtures/mcp-servers/server-everything';
import { byRole, FIREFOX_BUILD_DIR, launchFirefoxWithExtension, openPanelInNewPage, type FirefoxWithExtension } from '../harness/firefox';

describe('Connectors in Firefox', () => {
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

  it('adds server-everything: Connected, tools listed', async () => {
    await panel.locator(byRole('tab', 'Connectors')).click();
    await panel.locator(byRole('button', 'Add connector')).click();
    await panel.locator(byRole('textbox', 'Name')).fill('Everything');
    await panel.locator(byRole('textbox', 'URL')).fill(server.url);
    await panel.locator(byRole('button', 'Save')).click();
    const status = await panel.waitForSelector('li[aria-label="Everything"] .connector-status[data-state="connected"]', { timeout: 20_000 });
    expect(await status!.evaluate((el) => el.textContent)).toBe('Connected');
    const echo = await panel.waitForSelector('li[aria-label="Everything"] [role="switch"][aria-label="echo"]', { timeout: 20_000 });
    expect(await echo!.evaluate((el) => el.getAttribute('aria-checked'))).toBe('true');
    const count = await panel.$$eval('li[aria-label="Everything"] [role="switch"]', (switches) => switches.length);
    expect(count).toBeGreaterThan(5);
  });
});
