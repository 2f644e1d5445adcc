import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOAuthExampleServer, type OAuthExampleServer } from '../../fixtures/mcp-servers/oauth-example-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { killServiceWorker } from '../harness/service-worker';
import type { ConnectorsPage } from '../pages/connectors-page';

describe('OAuth sign-in through the identity API, in Chromium', () => {
  const fixture = useChromiumPanel();
  let server: OAuthExampleServer;
  let connectors: ConnectorsPage;

  beforeAll(async () => {
    server = await startOAuthExampleServer();
    connectors = await fixture.panel.openConnectors();
  });
  afterAll(async () => server?.close());

  it('shows Needs sign-in, then signs in through launchWebAuthFlow and lists tools', async () => {
    await connectors.add({ name: 'OAuth demo', url: server.url, auth: 'OAuth' });
    await connectors.waitForStatus('OAuth demo', /^Needs sign-in$/);
    await connectors.item('OAuth demo').getByRole('button', { name: 'Sign in' }).click();
    await connectors.waitForStatus('OAuth demo', /^Connected$/);
    await connectors.waitForTool('OAuth demo', 'greet');
  });

  it('shows each step of the flow in the auth debugger', async () => {
    await connectors.item('OAuth demo').getByRole('tab', { name: 'Sign-in steps' }).click();
    const steps = connectors.item('OAuth demo').getByRole('region', { name: 'Sign-in steps' });
    await steps.getByRole('listitem').first().waitFor();
    const text = await steps.textContent();
    expect(text).toContain(server.authServerUrl.replace('http://', ''));
    expect(text).not.toContain('access_token');
  });

  it('is still signed in after the worker dies and the panel reloads', async () => {
    await killServiceWorker(fixture.panel.page);
    await fixture.panel.reload();
    const after = await fixture.panel.openConnectors();
    await after.waitForStatus('OAuth demo', /^Connected$/);
    await after.waitForTool('OAuth demo', 'greet');
  });

  it('an expired token (the example server issues no refresh token) ends in a clear Needs sign-in', async () => {
    await fixture.panel.page.evaluate(async () => {
      const all = await chrome.storage.local.get(null);
      const key = Object.keys(all).find((k) => k.startsWith('oauth:'))!;
      const record = all[key] as { tokens: { expiresAt: number | null } };
      record.tokens.expiresAt = Date.now() - 1_000;
      await chrome.storage.local.set({ [key]: record });
    });
    await killServiceWorker(fixture.panel.page);
    await fixture.panel.reload();
    const after = await fixture.panel.openConnectors();
    await after.waitForStatus('OAuth demo', /^Needs sign-in$/);
    await after.item('OAuth demo').getByRole('button', { name: 'Sign in' }).click();
    await after.waitForStatus('OAuth demo', /^Connected$/);
  });

  it('signs out back to Needs sign-in', async () => {
    const page = await fixture.panel.openConnectors();
    await page.item('OAuth demo').getByRole('button', { name: 'Sign out' }).click();
    await page.waitForStatus('OAuth demo', /^Needs sign-in$/);
  });
});
