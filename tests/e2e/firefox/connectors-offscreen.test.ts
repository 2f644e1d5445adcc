import { beforeAll, describe, expect, it } from 'vitest';
import { useFirefoxWithEverything } from '../harness/firefox-fixture';
import { addConnectorInFirefox } from '../harness/firefox-panel-setup';

const NAMES = ['Everything', 'Everything 2', 'Everything 3'];

describe('connectors out of view in the Firefox sidebar: updated, rendered only near the viewport', () => {
  const world = useFirefoxWithEverything();

  beforeAll(async () => {
    await world.panel.setViewport({ width: 400, height: 720 });
    for (const name of NAMES) await addConnectorInFirefox(world.panel, name, world.server.url, 'echo');
  });

  /** Whether Firefox renders each card's content now (false while `content-visibility: auto` skips it). */
  const rendered = () =>
    world.panel.$$eval('li.connector', (cards) => cards.map((card) => card.querySelector('.connector-head')!.checkVisibility({ contentVisibilityAuto: true })));
  const fetchedAt = () => world.panel.$$eval('li.connector time', (times) => times.map((time) => Date.parse(time.getAttribute('datetime') ?? '')));

  it('a Refresh tools of every card reaches the one out of view, which renders once scrolled to', async () => {
    await world.panel.evaluate(() => window.scrollTo(0, 0));
    await world.panel.waitForFunction(() => {
      const heads = [...document.querySelectorAll('li.connector .connector-head')];
      return heads.length === 3 && heads[0]!.checkVisibility({ contentVisibilityAuto: true }) && !heads[2]!.checkVisibility({ contentVisibilityAuto: true });
    }, { timeout: 10_000 });
    const before = await fetchedAt();
    const switches = await world.panel.$$eval('li.connector:last-child [role="switch"]', (nodes) => nodes.length);
    expect(switches).toBeGreaterThan(5);
    await world.panel.evaluate(() => {
      for (const button of document.querySelectorAll<HTMLButtonElement>('li.connector button[aria-label="Refresh tools"]')) button.click();
    });
    await world.panel.waitForFunction(
      (earlier: number[]) => [...document.querySelectorAll('li.connector time')].every((time, index) => Date.parse(time.getAttribute('datetime') ?? '') > earlier[index]!),
      { timeout: 20_000 },
      before,
    );
    expect(await world.panel.$$eval('li.connector:last-child [role="switch"]', (nodes) => nodes.length)).toBe(switches);
    expect((await rendered())[2]).toBe(false);
    await world.panel.evaluate(() => document.querySelector('li.connector:last-child')!.scrollIntoView());
    await world.panel.waitForFunction(() => document.querySelector('li.connector:last-child .connector-head')!.checkVisibility({ contentVisibilityAuto: true }), { timeout: 10_000 });
    expect((await rendered())[2]).toBe(true);
  });
});
