import { describe, expect, it } from 'vitest';
import { byRole, openPanelInNewPage } from '../harness/firefox';
import { useFirefoxWithEverything } from '../harness/firefox-fixture';
import { putRawRow } from '../harness/raw-rows';

describe('a corrupt connector row, in Firefox', () => {
  const world = useFirefoxWithEverything();

  it('is shown apart with its error and a Remove button, while the good connector still connects', async () => {
    await world.panel.locator(byRole('tab', 'Connectors')).click();
    await world.panel.locator(byRole('button', 'Add connector')).click();
    await world.panel.locator(byRole('textbox', 'Name')).fill('Everything');
    await world.panel.locator(byRole('textbox', 'URL')).fill(world.server.url);
    await world.panel.locator(byRole('button', 'Save')).click();
    await world.panel.waitForSelector('li[aria-label="Everything"] .connector-status[data-state="connected"]', { timeout: 20_000 });
    await world.panel.evaluate(putRawRow, { table: 'connectors', row: { id: 'broken-1', label: 'Broken one', url: 'not a url', tools: 'many' } });
    await world.panel.close();
    world.panel = await openPanelInNewPage(world.firefox);
    await world.panel.locator(byRole('tab', 'Connectors')).click();
    const broken = await world.panel.waitForSelector('li[aria-label="Broken one"][data-corrupt="true"]', { timeout: 20_000 });
    expect(await broken!.evaluate((el) => el.textContent)).toMatch(/stored data is damaged.*url/s);
    await world.panel.waitForSelector('li[aria-label="Everything"] .connector-status[data-state="connected"]', { timeout: 20_000 });
    await world.panel.waitForSelector('li[aria-label="Everything"] [role="switch"][aria-label="echo"]', { timeout: 20_000 });

    await world.panel.locator('li[aria-label="Broken one"] button.btn-danger').click();
    await world.panel.locator('li[aria-label="Broken one"] [role="group"] button.btn-danger').click();
    await world.panel.waitForSelector('li[aria-label="Broken one"]', { hidden: true, timeout: 20_000 });
    expect(await world.panel.$('li[aria-label="Everything"]')).not.toBeNull();
  });
});
