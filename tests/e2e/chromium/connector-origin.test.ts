import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMisbehavingServer, type MisbehavingServer } from '../../fixtures/mcp-servers/misbehaving-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';

describe('a server that refuses the extension Origin, in Chromium', () => {
  const fixture = useChromiumPanel();
  let guarded: MisbehavingServer;

  beforeAll(async () => {
    guarded = await startMisbehavingServer({ refuseExtensionOrigin: true });
  });
  afterAll(async () => guarded?.close());

  it('explains the 403, and connects once the user turns on sending without Origin', async () => {
    const connectors = await fixture.panel.openConnectors();
    await connectors.add({ name: 'Guarded', url: guarded.url });
    await connectors.waitForStatus('Guarded', /^Error: The server refused the request \(403 Forbidden\)/);
    expect(await connectors.status('Guarded').textContent()).toContain('Send requests without the Origin header');
    expect(guarded.requests.at(-1)?.headers.origin).toMatch(/^chrome-extension:\/\//);

    await connectors.item('Guarded').getByRole('button', { name: 'Edit' }).click();
    const form = fixture.panel.page.getByRole('form', { name: 'Edit Guarded' });
    await form.getByText('Advanced').click();
    await form.getByRole('checkbox', { name: /Send requests without the Origin header/ }).check();
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await connectors.waitForStatus('Guarded', /^Connected$/);
    expect(guarded.requests.at(-1)?.headers.origin).toBeUndefined();
  });
});
