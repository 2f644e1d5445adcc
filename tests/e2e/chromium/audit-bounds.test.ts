import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRequestFloodServer, type RequestFloodServer } from '../../fixtures/mcp-servers/request-flood-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { auditKindsOf, putAuditEntries } from '../harness/rows-of-connector';
import { killServiceWorker } from '../harness/service-worker';

const TOOL = 'flood_requests';
const SHOTS = '/tmp/patchbay-screens';

// A real server sends requests whose schema is 20 KB; Patchbay declines them (nested fields) and
// audits each. Settings › Audit log says the entry keeps 8 KB of the request and how much was cut.
describe('server requests too large for the audit, in Chromium', () => {
  const fixture = useChromiumPanel();
  let server: RequestFloodServer;

  beforeAll(async () => {
    server = await startRequestFloodServer();
    const connectors = await fixture.panel.openConnectors();
    await connectors.add({ name: 'Flooder', url: server.url });
    await connectors.waitForTool('Flooder', TOOL);
  });
  afterAll(async () => server?.close());

  it('shows "request truncated: N bytes not kept" on the entry, and the size cut beside the kept head of the request', async () => {
    const connectors = await fixture.panel.openConnectors();
    const dialog = await connectors.openRunDialog('Flooder', TOOL);
    await dialog.getByLabel('count', { exact: true }).fill('2');
    await dialog.getByLabel('kind', { exact: true }).selectOption('refused');
    await dialog.getByLabel('padBytes', { exact: true }).fill('20000');
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    await dialog.getByRole('region', { name: 'Result' }).getByText(/decline.*2/).first().waitFor({ timeout: 20_000 });
    await dialog.getByRole('button', { name: 'Close' }).click();

    const page = fixture.panel.page;
    await fixture.panel.openSettings();
    const log = page.getByRole('region', { name: 'Audit log' });
    await log.getByText("Answers to servers' requests are kept to the newest 1,000 per connector", { exact: false }).waitFor();
    const entries = log.getByRole('listitem').filter({ hasText: 'Server request' });
    await expect.poll(() => entries.count(), { timeout: 15_000 }).toBe(2);
    const entry = entries.first();
    const line = (await entry.textContent()) ?? '';
    expect(line).toMatch(/on Flooder/);
    expect(line).toMatch(/refused · request truncated: 11,\d{3} bytes not kept/);

    // The tree shows the kept head (its leaves are cut for display) and the count beside it.
    await entry.getByText('Input and outcome').click();
    const tree = entry.getByRole('group', { name: 'Detail' });
    await tree.getByText('"requestTruncatedBytes"', { exact: true }).waitFor();
    const shown = (await tree.textContent()) ?? '';
    expect(shown).toMatch(/"requestTruncatedBytes": 11\d{3}/);
    expect(shown).toContain('Flood request');

    await page.setViewportSize({ width: 400, height: 760 });
    await entry.scrollIntoViewIfNeeded();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `${SHOTS}/audit-truncated-400-${colorScheme}.png` });
    }
    await tree.getByText('"requestTruncatedBytes"', { exact: true }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/audit-truncated-detail-400-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('caps the server-request entries of a removed connector to the newest 1,000 when the worker wakes, keeping every decision', async () => {
    const page = fixture.panel.page;
    // A long-lived install: a connector removed long ago left 1,200 answers and 300 decisions in the audit.
    const id = 'removed-before-the-cap';
    await page.evaluate(putAuditEntries, { connectorId: id, kind: 'server-request', count: 1_200 });
    for (const kind of ['approved', 'denied', 'write-call']) await page.evaluate(putAuditEntries, { connectorId: id, kind, count: 100 });
    expect(await page.evaluate(auditKindsOf, id)).toEqual({ 'server-request': 1_200, approved: 100, denied: 100, 'write-call': 100 });

    await killServiceWorker(page);
    await fixture.panel.reload();
    await fixture.panel.waitForBackground();
    await expect.poll(() => page.evaluate(auditKindsOf, id), { timeout: 20_000 }).toEqual({ 'server-request': 1_000, approved: 100, denied: 100, 'write-call': 100 });
  });
});
