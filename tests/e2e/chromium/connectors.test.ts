import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMisbehavingServer, type MisbehavingServer } from '../../fixtures/mcp-servers/misbehaving-server';
import { startServerEverything, type RunningServer } from '../../fixtures/mcp-servers/server-everything';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { killServiceWorker } from '../harness/service-worker';
import type { ConnectorsPage } from '../pages/connectors-page';

describe('Connectors in Chromium', () => {
  const fixture = useChromiumPanel();
  let streamable: RunningServer;
  let sse: RunningServer;
  let plain: MisbehavingServer;
  let connectors: ConnectorsPage;

  beforeAll(async () => {
    [streamable, sse, plain] = await Promise.all([
      startServerEverything('streamableHttp'),
      startServerEverything('sse'),
      startMisbehavingServer(),
    ]);
    connectors = await fixture.panel.openConnectors();
  });
  afterAll(async () => {
    await Promise.all([streamable?.close(), sse?.close(), plain?.close()]);
  });

  it('connects to server-everything over Streamable HTTP and lists its tools', async () => {
    await connectors.add({ name: 'Everything HTTP', url: streamable.url, transport: 'Streamable HTTP' });
    await connectors.waitForStatus('Everything HTTP', /^Connected$/);
    await connectors.waitForTool('Everything HTTP', 'echo');
    expect(await connectors.toolSwitch('Everything HTTP', 'echo').getAttribute('aria-checked')).toBe('true');
  });

  it('connects to server-everything over SSE and lists its tools', async () => {
    await connectors.add({ name: 'Everything SSE', url: sse.url, transport: 'SSE (deprecated)' });
    await connectors.waitForStatus('Everything SSE', /^Connected$/);
    await connectors.waitForTool('Everything SSE', 'get-sum');
  });

  it('keeps a switched-off tool off, and the connector connected, after the worker dies', async () => {
    await connectors.toolSwitch('Everything HTTP', 'echo').click();
    await connectors.item('Everything HTTP').locator('[role="switch"][aria-label="echo"][aria-checked="false"]').waitFor();
    await killServiceWorker(fixture.panel.page);
    await fixture.panel.reload();
    const after = await fixture.panel.openConnectors();
    await after.waitForStatus('Everything HTTP', /^Connected$/);
    await after.waitForStatus('Everything SSE', /^Connected$/);
    expect(await after.toolSwitch('Everything HTTP', 'echo').getAttribute('aria-checked')).toBe('false');
    expect(await after.toolSwitch('Everything HTTP', 'get-sum').getAttribute('aria-checked')).toBe('true');
  });

  it('works with a server on 127.0.0.1 that sends no CORS headers, and shows what changed in its tools', async () => {
    await connectors.add({ name: 'No CORS', url: plain.url });
    await connectors.waitForStatus('No CORS', /^Connected$/);
    await connectors.waitForTool('No CORS', 'echo');
    expect(plain.requests.some((r) => r.headers['access-control-request-method'])).toBe(false);

    plain.changeToolDescription('echo', 'Echoes, now in capitals');
    const changes = connectors.item('No CORS').getByRole('region', { name: 'Tool changes' });
    await changes.filter({ hasText: 'Echoes, now in capitals' }).waitFor({ timeout: 20_000 });
    expect(await changes.textContent()).toContain('echo changed: description');

    await connectors.item('No CORS').getByRole('button', { name: 'Refresh tools' }).click();
    await changes.filter({ hasText: 'No changes.' }).waitFor();
  });

  it('refuses invalid input with clear messages and keeps what was typed', async () => {
    await fixture.panel.page.getByRole('button', { name: 'Add connector' }).first().click();
    await connectors.fill({ name: 'everything http', url: 'ftp://example.test/mcp' });
    await fixture.panel.page.getByRole('button', { name: 'Save', exact: true }).click();
    await fixture.panel.page.getByText('Only http:// and https:// servers are supported.').waitFor();
    await fixture.panel.page.getByText('A connector named “everything http” already exists.').waitFor();
    expect(await fixture.panel.page.getByLabel('URL', { exact: true }).inputValue()).toBe('ftp://example.test/mcp');
    await fixture.panel.page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('removes a connector after asking', async () => {
    // Remove is behind the card's More, with the other rarely used controls.
    await connectors.openMore('Everything SSE');
    await connectors.item('Everything SSE').getByRole('button', { name: 'Remove' }).click();
    await connectors.item('Everything SSE').getByRole('button', { name: 'Keep' }).click();
    await connectors.waitForStatus('Everything SSE', /^Connected$/);
    await connectors.item('Everything SSE').getByRole('button', { name: 'Remove' }).click();
    await connectors.item('Everything SSE').getByRole('group', { name: 'Remove Everything SSE?' }).getByRole('button', { name: 'Remove' }).click();
    await connectors.item('Everything SSE').waitFor({ state: 'detached' });
    await connectors.waitForStatus('Everything HTTP', /^Connected$/);
  });
});
