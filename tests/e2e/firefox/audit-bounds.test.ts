import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRequestFloodServer, type RequestFloodServer } from '../../fixtures/mcp-servers/request-flood-server';
import { byRole, FIREFOX_BUILD_DIR, launchFirefoxWithExtension, openPanelInNewPage, type FirefoxWithExtension } from '../harness/firefox';
import { addConnectorInFirefox } from '../harness/firefox-panel-setup';
import { auditKindsOf, connectorIdOfLabel, putAuditEntries } from '../harness/rows-of-connector';

const TOOL = 'flood_requests';
const DIALOG = `dialog[aria-label="Run ${TOOL}"]`;
const LOG = 'section[aria-label="Audit log"]';

// The flood fixture's 20 KB requests, declined at once and audited; Settings › Audit log in Firefox
// says how much of each request was not kept.
describe('server requests too large for the audit, in Firefox', () => {
  let firefox: FirefoxWithExtension | undefined;
  let server: RequestFloodServer;
  let panel: Page;

  beforeAll(async () => {
    server = await startRequestFloodServer();
    firefox = await launchFirefoxWithExtension(FIREFOX_BUILD_DIR);
    panel = await openPanelInNewPage(firefox);
    await addConnectorInFirefox(panel, 'Flooder', server.url, TOOL);
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  /** The selector of the Run dialog's control labelled by a parameter's name (ids from React's useId need quoting). */
  async function fieldOf(name: string): Promise<string> {
    const id = await panel.$eval(DIALOG, (dialog, wanted) => [...dialog.querySelectorAll('label')].find((label) => label.textContent?.replace(/\*/g, '').trim() === wanted)?.htmlFor ?? '', name);
    if (!id) throw new Error(`No field labelled ${name} in the Run dialog.`);
    return `${DIALOG} [id="${id}"]`;
  }

  it('shows "request truncated: N bytes not kept" on each entry, and caps the connector at its newest 1,000 answers, keeping every decision', async () => {
    // An hour of history first: 1,100 answers and 100 decisions, more answers than the cap keeps.
    const id = (await panel.evaluate(connectorIdOfLabel, 'Flooder'))!;
    await panel.evaluate(putAuditEntries, { connectorId: id, kind: 'server-request', count: 1_100 });
    await panel.evaluate(putAuditEntries, { connectorId: id, kind: 'denied', count: 100 });
    await panel.evaluate((tool) => {
      const row = document.querySelector(`[role="switch"][aria-label="${tool}"]`)?.closest('li');
      [...(row?.querySelectorAll('button') ?? [])].find((button) => button.textContent?.trim() === 'Run')?.click();
    }, TOOL);
    await panel.waitForSelector(DIALOG);
    await panel.locator(await fieldOf('count')).fill('2');
    await panel.locator(await fieldOf('padBytes')).fill('20000');
    await panel.select(await fieldOf('kind'), 'refused');
    await panel.locator(`${DIALOG} ${byRole('button', 'Run')}`).click();
    await panel.waitForSelector(`${DIALOG} [aria-label="Result"] ::-p-text("decline")`, { timeout: 30_000 });
    await panel.locator(`${DIALOG} ${byRole('button', 'Close')}`).click();

    await panel.locator(byRole('tab', 'Settings')).click();
    await panel.waitForSelector(`${LOG} ::-p-text(kept to the newest 1,000 per connector)`, { timeout: 20_000 });
    // The two answers just made settled, and the prune that follows left the newest 1,000.
    await expect.poll(() => panel.evaluate(auditKindsOf, id), { timeout: 20_000 }).toEqual({ 'server-request': 1_000, denied: 100 });
    await panel.waitForFunction((log) => document.querySelectorAll(`${log} li.audit-entry[data-kind="server-request"]`).length > 2, { timeout: 20_000 }, LOG);
    const lines = await panel.$$eval(`${LOG} li.audit-entry[data-kind="server-request"] > .small`, (nodes) => nodes.slice(0, 2).map((node) => node.textContent ?? ''));
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/on Flooder · outside any conversation · refused · request truncated: 11,\d{3} bytes not kept/);

    await panel.$eval(`${LOG} li.audit-entry[data-kind="server-request"] summary`, (summary) => (summary as HTMLElement).click());
    await panel.waitForSelector(`${LOG} li.audit-entry[data-kind="server-request"] ::-p-text("requestTruncatedBytes")`, { timeout: 10_000 });
    const detail = await panel.$eval(`${LOG} li.audit-entry[data-kind="server-request"] [aria-label="Detail"]`, (node) => node.textContent ?? '');
    expect(detail).toMatch(/"requestTruncatedBytes": 11\d{3}/);
  });
});
