import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerEverything, type RunningServer } from '../../fixtures/mcp-servers/server-everything';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import type { ConnectorsPage } from '../pages/connectors-page';

/** Page-side: how many tools/list frames (requests and their answers) each connector's protocol log holds. */
function toolListFramesByConnector(): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('patchbay');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const all = db.transaction('protocolLog').objectStore('protocolLog').getAll();
      all.onerror = () => reject(all.error);
      all.onsuccess = () => {
        const counts: Record<string, number> = {};
        for (const row of all.result as { connectorId: string; method: string | null }[]) {
          if (row.method === 'tools/list') counts[row.connectorId] = (counts[row.connectorId] ?? 0) + 1;
        }
        db.close();
        resolve(counts);
      };
    };
  });
}

describe('Refresh all, in Chromium against two server-everything instances', () => {
  const fixture = useChromiumPanel();
  const servers: RunningServer[] = [];
  let connectors: ConnectorsPage;

  beforeAll(async () => {
    servers.push(await startServerEverything('streamableHttp'), await startServerEverything('streamableHttp'));
    connectors = await fixture.panel.openConnectors();
    for (const [index, server] of servers.entries()) {
      await connectors.add({ name: `Everything ${index + 1}`, url: server.url });
      await connectors.waitForTool(`Everything ${index + 1}`, 'echo');
    }
  });
  afterAll(async () => Promise.all(servers.map((server) => server.close())));

  it('fetches every connector\'s tools again with one click', async () => {
    const page = fixture.panel.page;
    const names = ['Everything 1', 'Everything 2'];
    const before = await Promise.all(names.map((name) => connectors.toolsFetchedAt(name)));
    // The log of each connector's first listing is written once the traffic paused.
    await expect.poll(async () => Object.values(await page.evaluate(toolListFramesByConnector)).filter((n) => n >= 2).length, { timeout: 10_000 }).toBe(2);
    const framesBefore = await page.evaluate(toolListFramesByConnector);
    const button = page.getByRole('button', { name: 'Refresh all tools' });
    await button.click();
    for (const [index, name] of names.entries()) await expect.poll(() => connectors.toolsFetchedAt(name)).toBeGreaterThan(before[index]!);
    await expect.poll(() => button.isEnabled()).toBe(true);
    expect(await page.getByRole('alert').filter({ hasText: 'Everything' }).count()).toBe(0);
    // The protocol log still records every frame of the burst (written after it, not during it):
    // each connector's tools/list request and its answer, once each.
    const expected = Object.fromEntries(Object.entries(framesBefore).map(([id, n]) => [id, n + 2]));
    await expect.poll(() => page.evaluate(toolListFramesByConnector), { timeout: 10_000 }).toEqual(expected);


    // What the header looks like at a side panel's width, in both themes.
    await page.setViewportSize({ width: 400, height: 700 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `/tmp/patchbay-refresh-all-${colorScheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
