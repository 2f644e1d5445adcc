import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIconServer, type IconServer } from '../../fixtures/mcp-servers/icon-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';

describe('icons in Chromium: fetched and checked by the background, shown from bytes', () => {
  const fixture = useChromiumPanel();
  let server: IconServer;
  const panelRequests: string[] = [];

  beforeAll(async () => {
    server = await startIconServer();
    fixture.panel.page.on('request', (request: Request) => void panelRequests.push(request.url()));
    const connectors = await fixture.panel.openConnectors();
    await connectors.add({ name: 'Pictures', url: server.url });
    await connectors.waitForTool('Pictures', 'pictured');
  });
  afterAll(async () => server?.close());

  it('shows the server’s and a tool’s PNG icon from a data: URL; the panel itself requests nothing from the icon host', async () => {
    const item = fixture.panel.page.getByRole('listitem', { name: 'Pictures', exact: true });
    await expect.poll(() => item.locator('.connector-head img.mcp-icon').count(), { timeout: 10_000 }).toBe(1);
    const pictured = fixture.panel.page.locator('li.tool-row', { has: fixture.panel.page.getByRole('switch', { name: 'pictured', exact: true }) });
    await expect.poll(() => pictured.locator('img.mcp-icon').count(), { timeout: 10_000 }).toBe(1);
    for (const src of await fixture.panel.page.locator('img.mcp-icon').evaluateAll((imgs) => imgs.map((img) => img.getAttribute('src') ?? ''))) {
      expect(src.startsWith('data:image/png;base64,')).toBe(true);
    }
    // Fetched by the worker, without cookies or a referrer: the panel asked the background, not the server.
    expect(server.iconRequests.map((request) => request.path).sort()).toEqual(['/server.png', '/tool.png', '/tool.svg']);
    expect(server.iconRequests.every((request) => request.cookie === undefined && request.referer === undefined)).toBe(true);
    expect(panelRequests.filter((url) => url.startsWith('http'))).toEqual([]);
  });

  it('shows the icons of prompts and resources too', async () => {
    const item = fixture.panel.page.getByRole('listitem', { name: 'Pictures', exact: true });
    await item.getByRole('tab', { name: 'Prompts', exact: true }).click();
    await expect.poll(() => item.getByRole('listitem', { name: 'greet', exact: true }).locator('img.mcp-icon').count(), { timeout: 10_000 }).toBe(1);
    await item.getByRole('tab', { name: 'Resources', exact: true }).click();
    await expect.poll(() => item.getByRole('listitem', { name: 'one', exact: true }).locator('img.mcp-icon').count(), { timeout: 10_000 }).toBe(1);
    expect(panelRequests.filter((url) => url.startsWith('http'))).toEqual([]);
    await item.getByRole('tab', { name: /^Tools/ }).click();
  });

  it('shows no icon for the tool whose icon is an SVG with a script, and none for a tool without one', async () => {
    const row = (name: string) => fixture.panel.page.locator('li.tool-row', { has: fixture.panel.page.getByRole('switch', { name, exact: true }) });
    await expect.poll(() => server.iconRequests.some((request) => request.path === '/tool.svg'), { timeout: 10_000 }).toBe(true);
    expect(await row('scripted').locator('img').count()).toBe(0);
    expect(await row('plain').locator('img').count()).toBe(0);
    expect(await fixture.panel.page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    await fixture.panel.page.setViewportSize({ width: 400, height: 720 });
    await fixture.panel.page.screenshot({ path: '/tmp/patchbay-budget/icons-400.png' });
  });
});
