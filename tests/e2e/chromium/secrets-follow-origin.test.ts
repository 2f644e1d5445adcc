import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMisbehavingServer, type MisbehavingServer } from '../../fixtures/mcp-servers/misbehaving-server';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';

/** The same server under another origin: 127.0.0.1 and localhost are different origins. */
const elsewhere = (url: string) => url.replace('127.0.0.1', 'localhost');

describe('secrets stay with their origin, in Chromium', () => {
  const fixture = useChromiumPanel();
  let mcp: MisbehavingServer;
  let model: ModelServer;

  beforeAll(async () => {
    mcp = await startMisbehavingServer();
    model = await startModelServer({ apiKey: 'sk-first-key-1111', models: ['m'] });
  });
  afterAll(async () => {
    await mcp?.close();
    await model?.close();
  });

  it('a bearer token does not follow the connector URL to another origin: the form says so and asks again', async () => {
    const connectors = await fixture.panel.openConnectors();
    await connectors.add({ name: 'Keyed', url: mcp.url, auth: 'Bearer token', token: 'sk-old-token-1' });
    await connectors.waitForStatus('Keyed', /^Connected$/);
    expect(mcp.requests.at(-1)?.headers.authorization).toBe('Bearer sk-old-token-1');

    await connectors.item('Keyed').getByRole('button', { name: 'Edit' }).click();
    const form = fixture.panel.page.getByRole('form', { name: 'Edit Keyed' });
    await form.getByLabel('URL', { exact: true }).fill(elsewhere(mcp.url));
    await form.getByText(/The URL now points to http:\/\/localhost:\d+, another server than http:\/\/127\.0\.0\.1:\d+: the saved token stays/).waitFor();
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    // Not saved: the token field is required again, with the same explanation as its error.
    await form.getByLabel('Token', { exact: true }).and(fixture.panel.page.locator('[aria-invalid="true"]')).waitFor();

    await form.getByLabel('Token', { exact: true }).fill('sk-new-token-2');
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await connectors.waitForStatus('Keyed', /^Connected$/);
    // The same server answers both origins; what went to the new one is told apart by its Host.
    // (The old session's DELETE still goes to the old origin, with the old token: that is its own.)
    // "Connected" may still be the old session's: wait for the reconnect to reach the new origin.
    const toNew = () => mcp.requests.filter((request) => String(request.headers.host).startsWith('localhost:'));
    await expect.poll(() => toNew().length, { timeout: 10_000 }).toBeGreaterThan(0);
    const toNewOrigin = toNew();
    expect(toNewOrigin.every((request) => request.headers.authorization === 'Bearer sk-new-token-2')).toBe(true);
  });

  it('the API key does not follow the Base URL to another origin, and plain http to another host is warned about', async () => {
    const settings = await fixture.panel.openSettings();
    await settings.waitUntilLoaded();
    await settings.fill({ apiKey: 'sk-first-key-1111', baseUrl: model.url, model: 'm' });
    await settings.save();

    await settings.fill({ baseUrl: elsewhere(model.url) });
    await settings.page.getByText(/The Base URL now points to http:\/\/localhost:\d+, not http:\/\/127\.0\.0\.1:\d+: the saved key \(sk-…1111\)/).waitFor();
    const asked = model.requests.length;
    await settings.test();
    expect(model.requests.slice(asked).some((request) => JSON.stringify(request.headers).includes('sk-first-key-1111'))).toBe(false);
    await settings.save();
    await settings.page.getByRole('status').filter({ hasText: 'The old API key was removed' }).waitFor();
    await settings.page.getByText('Stored only in this browser’s extension storage; sent only to the Base URL.').waitFor();

    await settings.fill({ baseUrl: 'http://llm.intranet.example:8000/v1' });
    await settings.page.getByText('Plain http:// to llm.intranet.example is not encrypted: anyone on the network can read the API key and every message.').waitFor();
  });
});
