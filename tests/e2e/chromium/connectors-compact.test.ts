import { describe, expect, it } from 'vitest';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { useEverythingConnector } from '../harness/everything-connector';
import { countWhollyInView, whollyInView } from '../harness/first-screen';

const NAME = 'Everything';

describe('connectors at 400 px in Chromium: compact rows, Filter tools, folding, Enable all / Disable all', () => {
  const fixture = useChromiumPanel();
  const everything = useEverythingConnector(fixture);
  const rows = () => everything.connectors.item(NAME).locator('li.tool-row');
  const names = () => everything.connectors.item(NAME).getByRole('switch').evaluateAll((switches) => switches.map((node) => node.getAttribute('aria-label') ?? ''));

  it('shows at least 8 whole tool rows of server-everything in the first screen at 400×720, in both themes', async () => {
    const page = fixture.panel.page;
    await page.setViewportSize({ width: 400, height: 720 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `/tmp/patchbay-screens/connectors-400-${colorScheme}.png` });
      expect(await rows().count()).toBeGreaterThanOrEqual(10);
      expect(await countWhollyInView(rows())).toBeGreaterThanOrEqual(8);
      // Each row keeps its switch (named by the tool), its visible On/Off and its Run in view.
      const first = rows().first();
      expect(await first.locator('.switch-state').textContent()).toBe('On');
      expect(await whollyInView(first.getByRole('button', { name: 'Run', exact: true }))).toBe(true);
      // Nothing runs off the side at 400 px.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
      // More opens the rarely used part in place, and closes again.
      await everything.connectors.openMore(NAME);
      await everything.connectors.item(NAME).getByRole('button', { name: 'Remove', exact: true }).waitFor();
      await page.screenshot({ path: `/tmp/patchbay-screens/connectors-400-more-${colorScheme}.png` });
      await everything.connectors.item(NAME).getByRole('button', { name: 'More', exact: true }).click();
      await everything.connectors.item(NAME).getByRole('button', { name: 'Remove', exact: true }).waitFor({ state: 'detached' });
    }
    // At 360 px the card still fits its width: nothing in it runs off the side.
    await page.setViewportSize({ width: 360, height: 640 });
    const card = everything.connectors.item(NAME);
    expect(await card.evaluate((item) => item.getBoundingClientRect().right <= window.innerWidth && item.scrollWidth <= item.clientWidth)).toBe(true);
    expect(await countWhollyInView(rows())).toBeGreaterThanOrEqual(5);
    await page.screenshot({ path: '/tmp/patchbay-screens/connectors-360-dark.png' });
    await page.setViewportSize({ width: 400, height: 720 });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('Filter tools finds a tool by name and by a word of its description, and counts "n of all"', async () => {
    const { connectors } = everything;
    const all = (await names()).length;
    await connectors.toolFilter(NAME).fill('annotated');
    await expect.poll(names).toEqual(['get-annotated-message']);
    expect(await connectors.toolCount(NAME).textContent()).toBe(`1 of ${all}`);
    await connectors.toolFilter(NAME).fill('ECHOES back');
    await expect.poll(names).toEqual(['echo']);
    await connectors.toolFilter(NAME).fill('no tool is called this');
    await expect.poll(names).toEqual([]);
    expect(await connectors.toolCount(NAME).textContent()).toBe(`0 of ${all}`);
    await connectors.item(NAME).getByText('No tool matches').waitFor();
    await connectors.toolFilter(NAME).fill('');
    await expect.poll(async () => (await names()).length).toBe(all);
    expect(await connectors.toolCount(NAME).textContent()).toBe(`${all} of ${all}`);
  });

  it('folds to its head (name, status, tool count) and stays folded after a reload, then unfolds', async () => {
    const { connectors } = everything;
    const all = (await names()).length;
    await connectors.foldToggle(NAME).click();
    expect(await connectors.foldToggle(NAME).getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => connectors.item(NAME).getByRole('switch').count()).toBe(0);
    expect(await connectors.status(NAME).textContent()).toBe('Connected');
    await connectors.item(NAME).getByText(new RegExp(`^${all} tools · fetched at `)).waitFor();
    expect(await connectors.item(NAME).getByRole('button', { name: 'Refresh tools' }).count()).toBe(0);
    await fixture.panel.page.screenshot({ path: '/tmp/patchbay-screens/connectors-400-folded.png' });

    await fixture.panel.reload();
    const again = await fixture.panel.openConnectors();
    await again.waitForStatus(NAME, /^Connected$/);
    expect(await again.foldToggle(NAME).getAttribute('aria-expanded')).toBe('false');
    expect(await again.item(NAME).getByRole('switch').count()).toBe(0);
    await again.foldToggle(NAME).click();
    expect(await again.foldToggle(NAME).getAttribute('aria-expanded')).toBe('true');
    await again.waitForTool(NAME, 'echo');
    expect((await names()).length).toBe(all);
  });

  it('Disable all switches off just the filtered tools, Enable all every one, and both are stored (read back after a reload)', async () => {
    const { connectors } = everything;
    const all = await names();
    const filtered = all.filter((name) => name.includes('get-'));
    expect(filtered.length).toBeGreaterThan(1);
    expect(filtered.length).toBeLessThan(all.length);
    await connectors.toolFilter(NAME).fill('get-');
    await expect.poll(names).toEqual(filtered);
    await connectors.item(NAME).getByRole('button', { name: 'Disable all', exact: true }).click();
    await expect.poll(() => connectors.switchStates(NAME)).toEqual(filtered.map(() => 'false'));
    await connectors.item(NAME).locator('.switch-state').first().filter({ hasText: 'Off' }).waitFor();

    await fixture.panel.reload();
    const reloaded = await fixture.panel.openConnectors();
    await reloaded.waitForTool(NAME, 'echo');
    const stored = Object.fromEntries((await names()).map((name, index) => [name, index]));
    const states = await reloaded.switchStates(NAME);
    for (const name of all) expect(`${name}: ${states[stored[name]!]}`).toBe(`${name}: ${filtered.includes(name) ? 'false' : 'true'}`);

    await reloaded.item(NAME).getByRole('button', { name: 'Enable all', exact: true }).click();
    await expect.poll(() => reloaded.switchStates(NAME)).toEqual(all.map(() => 'true'));
    await fixture.panel.reload();
    const back = await fixture.panel.openConnectors();
    await back.waitForTool(NAME, 'echo');
    expect(await back.switchStates(NAME)).toEqual(all.map(() => 'true'));
  });
});
