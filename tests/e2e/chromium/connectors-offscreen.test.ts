import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { useEverythingConnector } from '../harness/everything-connector';

const NAMES = ['Everything', 'Everything 2', 'Everything 3'];

/** Whether the browser renders the card's content now: false while `content-visibility: auto` skips it. */
const rendered = (card: Locator) => card.evaluate((item) => item.querySelector('.connector-head')!.checkVisibility({ contentVisibilityAuto: true }));

describe('connectors out of view in Chromium: stored and updated, rendered only near the viewport', () => {
  const fixture = useChromiumPanel();
  const everything = useEverythingConnector(fixture);

  it('a Refresh tools of every card reaches the one out of view without rendering it, and it renders once scrolled to', async () => {
    const { connectors } = everything;
    const page = fixture.panel.page;
    await page.setViewportSize({ width: 400, height: 720 });
    for (const name of NAMES.slice(1)) {
      await connectors.add({ name, url: everything.server.url });
      await connectors.waitForTool(name, 'echo');
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    const last = connectors.item(NAMES[2]!);
    await expect.poll(() => rendered(connectors.item(NAMES[0]!))).toBe(true);
    await expect.poll(() => rendered(last)).toBe(false);
    // Its DOM is whole while skipped: every switch is there, named by its tool.
    const switches = await last.getByRole('switch').count();
    expect(switches).toBeGreaterThan(5);

    // Refresh tools on every card at once, as a person would not scroll to do (clicked in the page).
    const before = await Promise.all(NAMES.map((name) => connectors.toolsFetchedAt(name)));
    await page.evaluate(() => {
      for (const button of document.querySelectorAll<HTMLButtonElement>('li.connector button[aria-label="Refresh tools"]')) button.click();
    });
    for (const [index, name] of NAMES.entries()) await expect.poll(() => connectors.toolsFetchedAt(name), { timeout: 20_000 }).toBeGreaterThan(before[index]!);
    expect(await last.getByRole('switch').count()).toBe(switches);
    expect(await rendered(last)).toBe(false);

    await last.scrollIntoViewIfNeeded();
    await expect.poll(() => rendered(last)).toBe(true);
    await expect.poll(() => rendered(connectors.item(NAMES[0]!))).toBe(false);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `/tmp/patchbay-screens/connectors-offscreen-400-${colorScheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
