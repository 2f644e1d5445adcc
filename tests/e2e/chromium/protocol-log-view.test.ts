import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFloodServer, type FloodServer } from '../../fixtures/mcp-servers/flood-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import type { ConnectorsPage } from '../pages/connectors-page';
import { LogPage } from '../pages/log-page';
import { PanelPage } from '../pages/panel-page';

const NAME = 'Flood';
/** Rows a 440 px list of 26 px rows can hold, with Virtuoso's overscan: the DOM never holds more. */
const MAX_ROWS_IN_DOM = 60;

/** The protocol log as a tool, over a real server's flood of log messages on 127.0.0.1. */
describe('the protocol log view in Chromium', () => {
  const fixture = useChromiumPanel();
  let server: FloodServer;
  let connectors: ConnectorsPage;
  let log: LogPage;
  /** A second panel tab that runs the tool, so the log's own tab stays open (and keeps its scroll) meanwhile. */
  let runner: PanelPage;

  async function emitLogs(count: number): Promise<void> {
    await runner.page.bringToFront();
    connectors = await runner.openConnectors();
    const dialog = await connectors.openRunDialog(NAME, 'emit_logs');
    await dialog.getByLabel('count', { exact: true }).fill(String(count));
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    await dialog.getByRole('region', { name: 'Result' }).getByText(`Emitted ${count} log messages.`).first().waitFor({ timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await fixture.panel.page.bringToFront();
  }

  beforeAll(async () => {
    server = await startFloodServer();
    await fixture.panel.page.setViewportSize({ width: 400, height: 900 });
    await fixture.chromium.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    connectors = await fixture.panel.openConnectors();
    await connectors.add({ name: NAME, url: server.url });
    await connectors.waitForTool(NAME, 'emit_logs');
    runner = new PanelPage(await fixture.chromium.openPanel());
    await runner.waitForBackground();
    log = await LogPage.open(fixture.panel.page);
  });
  afterAll(async () => server?.close());

  it('lists frames oldest first with time in ms, direction in words, kind and method; follows the tail until scrolled up', async () => {
    await emitLogs(300);
    await expect.poll(() => log.summary(), { timeout: 10_000 }).toMatch(/\b3\d\d frames shown/);
    // It opens at the tail: the call's answer, the last frame, is the bottom row.
    await expect.poll(() => log.methods().then((m) => m.at(-1)), { timeout: 10_000 }).toBe('tools/call');
    await expect.poll(() => log.distanceFromBottom(), { timeout: 15_000 }).toBeLessThan(30);
    const first = log.rows.first();
    expect(await first.locator('.frame-time').textContent()).toMatch(/^\d\d:\d\d:\d\d\.\d{3}$/);
    // The handshake reads top-down: initialize is sent first. Home (a user's key) goes there and stops following.
    await log.scroller.focus();
    await fixture.panel.page.keyboard.press('Home');
    await expect.poll(() => log.methods().then((m) => m.slice(0, 3)), { timeout: 15_000 }).toContain('initialize');
    expect(await log.rows.first().locator('.frame-dir').textContent()).toMatch(/^→sent$/);
    await expect.poll(() => log.followTail.getAttribute('aria-pressed'), { timeout: 15_000 }).toBe('false');

    // Back to the tail, which then follows new frames.
    await log.followTail.click();
    await expect.poll(() => log.distanceFromBottom(), { timeout: 15_000 }).toBeLessThan(30);
    expect(await log.followTail.getAttribute('aria-pressed')).toBe('true');
    await emitLogs(200);
    await expect.poll(() => log.summary(), { timeout: 10_000 }).toMatch(/\b5\d\d frames shown/);
    await expect.poll(() => log.methods().then((m) => m.at(-1)), { timeout: 10_000 }).toBe('tools/call');
    await expect.poll(() => log.distanceFromBottom(), { timeout: 15_000 }).toBeLessThan(30);

    // Scrolling up by wheel stops following: new frames no longer move the view.
    await log.scroller.hover();
    await fixture.panel.page.mouse.wheel(0, -600);
    await expect.poll(() => log.followTail.getAttribute('aria-pressed'), { timeout: 15_000 }).toBe('false');
    const before = await log.scroller.evaluate((el) => el.scrollTop);
    const seen = await log.summary();
    await emitLogs(50);
    await expect.poll(() => log.summary(), { timeout: 10_000 }).not.toBe(seen);
    expect(await log.followTail.getAttribute('aria-pressed')).toBe('false');
    expect(Math.abs((await log.scroller.evaluate((el) => el.scrollTop)) - before)).toBeLessThan(30);
    await log.followTail.click();
    await expect.poll(() => log.distanceFromBottom(), { timeout: 15_000 }).toBeLessThan(30);
  });

  it('scrolls a full 5,000-frame ring from top to bottom with a bounded DOM', async () => {
    await emitLogs(6_000);
    await expect.poll(() => log.summary(), { timeout: 30_000 }).toMatch(/5,000 frames shown/);
    // Every frame of the call is stored once its answer, the last frame, is the bottom row.
    await expect.poll(() => log.methods().then((m) => m.at(-1)), { timeout: 30_000 }).toBe('tools/call');
    // Following off (its button), so the list stays where it is put.
    await log.followTail.click();
    expect(await log.followTail.getAttribute('aria-pressed')).toBe('false');
    const counts: number[] = [];
    const lines: number[] = [];
    // The newest line of the flood drawn on screen, read from one look at the rows.
    const newestLineShown = async () => {
      const numbers = (await log.methods()).flatMap((m) => /flood line (\d{5})/.exec(m)?.[1] ?? []).map(Number);
      return numbers.length === 0 ? null : Math.max(...numbers);
    };
    for (const fraction of [1, 0.5, 0]) {
      await log.scrollTo(fraction);
      // The virtual list draws the rows for the new position a frame or more later: wait until the
      // rows on screen are another part of the ring than before (the bottom: the flood's last lines).
      const previous = lines.at(-1);
      let shown: number | null = null;
      await expect
        .poll(async () => {
          shown = await newestLineShown();
          return shown !== null && (previous === undefined ? shown > 5_900 : shown < previous - 1_000);
        }, { timeout: 15_000 })
        .toBe(true);
      counts.push(await log.rows.count());
      lines.push(shown!);
    }
    expect(counts.every((n) => n > 10 && n <= MAX_ROWS_IN_DOM), `rows in the DOM at bottom, middle, top: ${counts}`).toBe(true);
    const [bottom, middle, top] = lines as [number, number, number];
    expect(middle).toBeLessThan(bottom);
    expect(top).toBeLessThan(middle);
    // At least the newest 5,000 frames are kept (the ring), so the middle is far from both ends.
    expect(bottom - middle).toBeGreaterThan(1_500);
    expect(middle - top).toBeGreaterThan(1_500);
  });

  it('finds a frame by text search, says how many matched, and Enter jumps to it', async () => {
    await log.search.fill('flood line 02500');
    await expect.poll(() => log.searchCount(), { timeout: 15_000 }).toBe('1 frame matches');
    await log.search.press('Enter');
    await log.details.getByText('"flood line 02500"').first().waitFor();
    const hit = log.region.locator('.frame[data-match="true"]');
    await hit.waitFor();
    expect(await hit.locator('.frame-method').textContent()).toContain('flood line 02500');
    expect(await hit.getByRole('button').getAttribute('aria-pressed')).toBe('true');

    // Every tenth line is a warning: 500 of the 5,000 match "warning", Enter walks them in order.
    await log.search.fill('"warning"');
    await expect.poll(() => log.searchCount(), { timeout: 15_000 }).toMatch(/^\d{3} frames match$/);
    await log.search.press('Enter');
    await log.search.press('Enter');
    await expect.poll(() => log.details.locator('.json-value').allTextContents().then((t) => t.join(' ')), { timeout: 15_000 }).toMatch(/"flood line \d{4}0"/);
    await log.search.fill('no such text anywhere');
    await expect.poll(() => log.searchCount(), { timeout: 15_000 }).toBe('No frame matches');
    await log.search.fill('');
  });

  it('shows a request and its response together, whichever is clicked, with the time between them', async () => {
    // The search's jumps stopped following; back to the tail, where the next call's frames arrive.
    expect(await log.followTail.getAttribute('aria-pressed')).toBe('false');
    await log.followTail.click();
    expect(await log.followTail.getAttribute('aria-pressed')).toBe('true');
    await emitLogs(1);
    // The answer, found by its text and picked: its request is shown above it.
    await log.search.fill('Emitted 1 log messages');
    await expect.poll(() => log.searchCount(), { timeout: 15_000 }).toBe('1 frame matches');
    await log.search.press('Enter');
    const details = log.details;
    const request = details.locator('[data-part="request"]');
    const answer = details.locator('[data-part="response"]');
    await request.getByText('"emit_logs"').first().waitFor();
    await answer.getByText('"Emitted 1 log messages."').first().waitFor();
    await details.getByText(/^Answered after \d+ ms$/).waitFor();
    const [top, bottom] = [await request.boundingBox(), await answer.boundingBox()];
    expect(top!.y).toBeLessThan(bottom!.y);
    // Clicking the request's own row shows the same pair.
    await log.search.fill('"count":1}');
    await expect.poll(() => log.searchCount(), { timeout: 15_000 }).toBe('1 frame matches');
    await log.search.press('Enter');
    const sent = log.region.locator('.frame[data-match="true"]');
    expect(await sent.getAttribute('data-direction')).toBe('out');
    await log.details.getByRole('button', { name: 'Close details' }).click();
    await sent.getByRole('button').click();
    await details.locator('[data-part="response"]').getByText('"Emitted 1 log messages."').first().waitFor();
    await details.locator('[data-part="request"]').getByText('"count"').first().waitFor();
    await log.search.fill('');
  });

  it('shows a frame body as a JSON tree: collapse and expand, copy the path of a value, raw text on a toggle', async () => {
    const answer = log.details.locator('[data-part="response"]');
    const tree = answer.getByRole('group', { name: 'Response JSON' });
    await tree.getByRole('button', { name: 'Collapse $.result', exact: true }).click();
    await tree.getByText('{1 key}').or(tree.getByText(/^\{\d keys\}$/)).first().waitFor();
    expect(await tree.getByText('"Emitted 1 log messages."').count()).toBe(0);
    await tree.getByRole('button', { name: 'Expand $.result', exact: true }).click();
    await tree.getByText('"Emitted 1 log messages."').first().waitFor();

    await tree.locator('[data-path="$.result.content[0].text"] > .json-line .json-key').click();
    await tree.getByRole('button', { name: 'Copy path' }).click();
    await tree.getByRole('status').filter({ hasText: 'Copied $.result.content[0].text' }).waitFor();
    expect(await fixture.panel.page.evaluate(() => navigator.clipboard.readText())).toBe('$.result.content[0].text');
    await tree.getByRole('button', { name: 'Copy value' }).click();
    await expect.poll(() => fixture.panel.page.evaluate(() => navigator.clipboard.readText()), { timeout: 15_000 }).toBe('Emitted 1 log messages.');

    await tree.getByRole('button', { name: 'Raw' }).click();
    expect(await tree.getByRole('button', { name: 'Raw' }).getAttribute('aria-pressed')).toBe('true');
    expect(await tree.locator('pre.json-raw').textContent()).toContain('"text": "Emitted 1 log messages."');
    await tree.getByRole('button', { name: 'Raw' }).click();
    await tree.locator('.json-root').waitFor();
  });

  it('separates JSON-RPC from HTTP, filters by level, and looks like a product at 400 px in both themes', async () => {
    await log.filter('Filter by kind').selectOption('http');
    await expect.poll(async () => new Set(await log.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')))), { timeout: 15_000 }).toEqual(new Set(['http']));
    expect(await log.rows.first().locator('.frame-kind').textContent()).toBe('HTTP');
    await log.filter('Filter by kind').selectOption('jsonrpc');
    await expect.poll(async () => new Set(await log.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')))), { timeout: 15_000 }).toEqual(new Set(['jsonrpc']));
    await log.filter('Filter by kind').selectOption('all');

    await log.filter('Filter by level').selectOption('warning');
    await expect.poll(() => log.summary(), { timeout: 15_000 }).toMatch(/\b(49\d|50\d) notifications\/message frames shown/);
    await expect.poll(() => log.rows.locator('.frame-level').count(), { timeout: 15_000 }).toBeGreaterThan(5);
    const levels = await log.rows.locator('.frame-level').allTextContents();
    expect(new Set(levels)).toEqual(new Set(['warning']));
    await log.filter('Filter by level').selectOption('');

    // A row picked, its pair shown: the screen as a user sees it, in each theme.
    await log.search.fill('flood line 04990');
    await expect.poll(() => log.searchCount(), { timeout: 15_000 }).toBe('1 frame matches');
    await log.search.press('Enter');
    await log.details.getByText('"flood line 04990"').first().waitFor();
    const page = fixture.panel.page;
    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `/tmp/patchbay-log/log-400-${scheme}.png` });
      // Nothing in the log is wider than the panel: the columns fit 400 px.
      expect(await log.region.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= 400)).toBe(true);
    }
  });
});
