import { beforeAll, describe, expect, it } from 'vitest';
import { byRole, openPanelInNewPage } from '../harness/firefox';
import { useFirefoxWithEverything } from '../harness/firefox-fixture';
import { addConnectorInFirefox } from '../harness/firefox-panel-setup';

const ITEM = 'li[aria-label="Everything"]';

describe('Filter tools and Enable all / Disable all in the Firefox sidebar, against server-everything', () => {
  const world = useFirefoxWithEverything();

  beforeAll(async () => {
    await addConnectorInFirefox(world.panel, 'Everything', world.server.url, 'echo');
  });

  /** The listed tools' names and switch states, in order. */
  const switches = () =>
    world.panel.$$eval(`${ITEM} [role="switch"]`, (nodes) => nodes.map((node) => `${node.getAttribute('aria-label')}=${node.getAttribute('aria-checked')}`));
  const count = () => world.panel.$eval(`${ITEM} .tool-count`, (node) => node.textContent);
  /** Types into Filter tools the way React sees it. */
  const filter = (text: string) =>
    world.panel.evaluate(
      (selector, value) => {
        const box = document.querySelector(selector) as HTMLInputElement;
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(box, value);
        box.dispatchEvent(new Event('input', { bubbles: true }));
      },
      `${ITEM} input[type="search"][aria-label="Filter tools"]`,
      text,
    );
  const listed = (expected: number) => world.panel.waitForFunction((selector, n) => document.querySelectorAll(selector).length === n, { timeout: 10_000 }, `${ITEM} [role="switch"]`, expected);

  it('filters by name and description with its count, and switches just the filtered tools off, then every one on, as stored', async () => {
    await world.panel.locator(`${ITEM} ${byRole('searchbox', 'Filter tools')}`).wait();
    const all = await switches();
    expect(all.length).toBeGreaterThan(5);
    expect(all.every((entry) => entry.endsWith('=true'))).toBe(true);

    await filter('annotated');
    await listed(1);
    expect(await switches()).toEqual(['get-annotated-message=true']);
    expect(await count()).toBe(`1 of ${all.length}`);

    await filter('echoes BACK');
    await listed(1);
    expect(await switches()).toEqual(['echo=true']);

    await filter('get-');
    const gets = all.filter((entry) => entry.startsWith('get-'));
    await listed(gets.length);
    await world.panel.locator(`${ITEM} ${byRole('button', 'Disable all')}`).click();
    await world.panel.waitForFunction((selector) => [...document.querySelectorAll(selector)].every((node) => node.getAttribute('aria-checked') === 'false'), { timeout: 10_000 }, `${ITEM} [role="switch"]`);

    // A new document keeps no state: what it shows comes from the background's stored row.
    const previous = world.panel;
    world.panel = await openPanelInNewPage(world.firefox);
    await previous.close();
    await world.panel.locator(byRole('tab', 'Connectors')).click();
    await world.panel.waitForSelector(`${ITEM} [role="switch"][aria-label="echo"]`, { timeout: 20_000 });
    const stored = await switches();
    expect(stored).toEqual(all.map((entry) => (entry.startsWith('get-') ? entry.replace('=true', '=false') : entry)));

    await world.panel.locator(`${ITEM} ${byRole('button', 'Enable all')}`).click();
    await world.panel.waitForFunction((selector) => [...document.querySelectorAll(selector)].every((node) => node.getAttribute('aria-checked') === 'true'), { timeout: 10_000 }, `${ITEM} [role="switch"]`);
    expect(await switches()).toEqual(all);
  });
});
