import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerEverything, type RunningServer } from '../../fixtures/mcp-servers/server-everything';
import { FIREFOX_BUILD_DIR, launchFirefoxWithExtension, openPanelInNewPage, type FirefoxWithExtension } from '../harness/firefox';
import { addConnectorInFirefox } from '../harness/firefox-panel-setup';

const NAMES = ['Everything', 'Everything 2', 'Everything 3'];

describe('connectors out of view in the Firefox sidebar: updated, rendered only near the viewport', () => {
  let firefox: FirefoxWithExtension | undefined;
  let server: RunningServer;
  let panel: Page;

  beforeAll(async () => {
    server = await startServerEverything('streamableHttp');
    firefox = await launchFirefoxWithExtension(FIREFOX_BUILD_DIR);
    panel = await openPanelInNewPage(firefox);
    await panel.setViewport({ width: 400, height: 720 });
    for (const name of NAMES) await addConnectorInFirefox(panel, name, server.url, 'echo');
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  /** Whether Firefox renders each card's content now (false while `content-visibility: auto` skips it). */
  const rendered = () =>
    panel.$$eval('li.connector', (cards) => cards.map((card) => card.querySelector('.connector-head')!.checkVisibility({ contentVisibilityAuto: true })));
  const fetchedAt = () => panel.$$eval('li.connector time', (times) => times.map((time) => Date.parse(time.getAttribute('datetime') ?? '')));

  it('a Refresh tools of every card reaches the one out of view, which renders once scrolled to', async () => {
    await panel.evaluate(() => window.scrollTo(0, 0));
    await panel.waitForFunction(() => {
      const heads = [...document.querySelectorAll('li.connector .connector-head')];
      return heads.length === 3 && heads[0]!.checkVisibility({ contentVisibilityAuto: true }) && !heads[2]!.checkVisibility({ contentVisibilityAuto: true });
    }, { timeout: 10_000 });
    const before = await fetchedAt();
    const switches = await panel.$$eval('li.connector:last-child [role="switch"]', (nodes) => nodes.length);
    expect(switches).toBeGreaterThan(5);
    await panel.evaluate(() => {
      for (const button of document.querySelectorAll<HTMLButtonElement>('li.connector button[aria-label="Refresh tools"]')) button.click();
    });
    await panel.waitForFunction(
      (earlier: number[]) => [...document.querySelectorAll('li.connector time')].every((time, index) => Date.parse(time.getAttribute('datetime') ?? '') > earlier[index]!),
      { timeout: 20_000 },
      before,
    );
    expect(await panel.$$eval('li.connector:last-child [role="switch"]', (nodes) => nodes.length)).toBe(switches);
    expect((await rendered())[2]).toBe(false);
    await panel.evaluate(() => document.querySelector('li.connector:last-child')!.scrollIntoView());
    await panel.waitForFunction(() => document.querySelector('li.connector:last-child .connector-head')!.checkVisibility({ contentVisibilityAuto: true }), { timeout: 10_000 });
    expect((await rendered())[2]).toBe(true);
  });
});
