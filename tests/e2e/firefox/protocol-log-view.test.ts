import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFloodServer, type FloodServer } from '../../fixtures/mcp-servers/flood-server';
import { byRole, FIREFOX_BUILD_DIR, launchFirefoxWithExtension, openPanelInNewPage, type FirefoxWithExtension } from '../harness/firefox';
import { addConnectorInFirefox } from '../harness/firefox-panel-setup';

const NAME = 'Flood';
const LOG = 'section[aria-label="Protocol log"]';

/** The Log tab in Firefox: a 5,000-frame ring from a real server's flood, a bounded DOM, search, a paired request. */
describe('the protocol log view in Firefox', () => {
  let firefox: FirefoxWithExtension | undefined;
  let server: FloodServer;
  let panel: Page;

  beforeAll(async () => {
    server = await startFloodServer();
    firefox = await launchFirefoxWithExtension(FIREFOX_BUILD_DIR);
    panel = await openPanelInNewPage(firefox);
    await addConnectorInFirefox(panel, NAME, server.url, 'emit_logs');
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  async function emitLogs(count: number): Promise<void> {
    await panel.locator(byRole('tab', 'Connectors')).click();
    await panel.waitForSelector('[role="switch"][aria-label="emit_logs"]');
    await panel.evaluate(() => {
      const row = document.querySelector('[role="switch"][aria-label="emit_logs"]')?.closest('li');
      [...(row?.querySelectorAll('button') ?? [])].find((button) => button.textContent?.trim() === 'Run')?.click();
    });
    const dialog = 'dialog[aria-label="Run emit_logs"]';
    await panel.waitForSelector(dialog);
    await panel.locator(`${dialog} input[type="number"]`).fill(String(count));
    await panel.locator(`${dialog} ${byRole('button', 'Run')}`).click();
    await panel.waitForSelector(`${dialog} [aria-label="Result"] ::-p-text(Emitted ${count} log messages.)`, { timeout: 60_000 });
    await panel.locator(`${dialog} ${byRole('button', 'Close')}`).click();
  }

  const text = (selector: string) => panel.$eval(selector, (element) => element.textContent ?? '');

  it('scrolls a full ring with a bounded DOM, finds a frame by text, and shows a request with its response', async () => {
    await emitLogs(6_000);
    await emitLogs(1);
    await panel.locator(byRole('tab', 'Log')).click();
    await panel.waitForFunction((log) => /5,000 frames shown/.test(document.querySelector(`${log} .log-summary`)?.textContent ?? ''), { timeout: 30_000 }, LOG);
    // At the tail, following: the last call's answer is the bottom row.
    await panel.waitForFunction(
      (log) => [...document.querySelectorAll(`${log} .frames .frame-method`)].at(-1)?.textContent === 'tools/call',
      { timeout: 30_000 },
      LOG,
    );
    await panel.locator(`${LOG} ${byRole('button', 'Follow tail')}`).click();
    const counts: number[] = [];
    for (const fraction of [1, 0.5, 0]) {
      await panel.$eval(`${LOG} .frames`, (el, f) => (el.scrollTop = (el.scrollHeight - el.clientHeight) * f), fraction);
      await panel.waitForFunction(
        (log, f) => {
          const el = document.querySelector(`${log} .frames`)!;
          const methods = [...el.querySelectorAll('.frame-method')].map((m) => m.textContent ?? '');
          // Rows of the flood are shown there (the middle and top), or the call's answer (the bottom).
          return methods.length > 10 && (f === 1 ? methods.at(-1) === 'tools/call' : methods.some((m) => m.includes('flood line')));
        },
        { timeout: 15_000 },
        LOG,
        fraction,
      );
      counts.push(await panel.$$eval(`${LOG} .frames .frame`, (rows) => rows.length));
    }
    expect(counts.every((n) => n > 10 && n <= 60), `rows in the DOM at bottom, middle, top: ${counts}`).toBe(true);

    await panel.locator(`${LOG} input[type="search"][aria-label="Search frames"]`).fill('flood line 02500');
    await panel.waitForFunction((log) => document.querySelector(`${log} .log-search-count`)?.textContent === '1 frame matches', { timeout: 15_000 }, LOG);
    await panel.keyboard.press('Enter');
    await panel.waitForSelector(`${LOG} [aria-label="Frame details"] ::-p-text("flood line 02500")`, { timeout: 15_000 });
    expect(await text(`${LOG} .frame[data-match="true"] .frame-method`)).toContain('flood line 02500');

    await panel.locator(`${LOG} input[type="search"][aria-label="Search frames"]`).fill('Emitted 1 log messages');
    await panel.waitForFunction((log) => document.querySelector(`${log} .log-search-count`)?.textContent === '1 frame matches', { timeout: 15_000 }, LOG);
    await panel.keyboard.press('Enter');
    await panel.waitForSelector(`${LOG} [data-part="response"] ::-p-text("Emitted 1 log messages.")`, { timeout: 15_000 });
    await panel.waitForSelector(`${LOG} [data-part="request"] ::-p-text("emit_logs")`);
    await panel.waitForSelector(`${LOG} [aria-label="Frame details"] ::-p-text(Answered after)`);

    // The JSON tree: copy-path names the picked value.
    await panel.locator(`${LOG} [data-part="response"] [data-path="$.result.content[0].text"] > .json-line .json-key`).click();
    expect(await text(`${LOG} [data-part="response"] .json-path`)).toBe('$.result.content[0].text');
    await panel.locator(`${LOG} [data-part="response"] ${byRole('button', 'Raw')}`).click();
    await panel.waitForSelector(`${LOG} [data-part="response"] pre.json-raw ::-p-text("text": "Emitted 1 log messages.")`);
  });
});
