import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerEverything, type RunningServer } from '../../fixtures/mcp-servers/server-everything';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import type { ConnectorsPage } from '../pages/connectors-page';

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
    const button = page.getByRole('button', { name: 'Refresh all tools' });
    await button.click();
    for (const [index, name] of names.entries()) await expect.poll(() => connectors.toolsFetchedAt(name)).toBeGreaterThan(before[index]!);
    await expect.poll(() => button.isEnabled()).toBe(true);
    expect(await page.getByRole('alert').filter({ hasText: 'Everything' }).count()).toBe(0);


    // What the header looks like at a side panel's width, in both themes.
    await page.setViewportSize({ width: 400, height: 700 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `/tmp/patchbay-refresh-all-${colorScheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
