import { describe, expect, it } from 'vitest';
import { byRole } from '../harness/firefox';
import { useFirefoxWithEverything } from '../harness/firefox-fixture';

describe('Connectors in Firefox', () => {
  const world = useFirefoxWithEverything();

  it('adds server-everything: Connected, tools listed', async () => {
    await world.panel.locator(byRole('tab', 'Connectors')).click();
    await world.panel.locator(byRole('button', 'Add connector')).click();
    await world.panel.locator(byRole('textbox', 'Name')).fill('Everything');
    await world.panel.locator(byRole('textbox', 'URL')).fill(world.server.url);
    await world.panel.locator(byRole('button', 'Save')).click();
    const status = await world.panel.waitForSelector('li[aria-label="Everything"] .connector-status[data-state="connected"]', { timeout: 20_000 });
    expect(await status!.evaluate((el) => el.textContent)).toBe('Connected');
    const echo = await world.panel.waitForSelector('li[aria-label="Everything"] [role="switch"][aria-label="echo"]', { timeout: 20_000 });
    expect(await echo!.evaluate((el) => el.getAttribute('aria-checked'))).toBe('true');
    const count = await world.panel.$$eval('li[aria-label="Everything"] [role="switch"]', (switches) => switches.length);
    expect(count).toBeGreaterThan(5);
  });
});
