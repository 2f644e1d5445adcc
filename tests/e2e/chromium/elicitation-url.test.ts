import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOAuthExampleServer, type OAuthExampleServer } from '../../fixtures/mcp-servers/oauth-example-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { RequestCard } from '../pages/request-card';

const TOOL = 'third-party-auth';
const LINK = 'https://www.example.com/oauth/authorize';

// The SDK's own elicitationUrlExample (behind its OAuth): its `third-party-auth` tool answers
// -32042 with a link to another domain and says the link is complete 5 s later. The link is
// shown in full with its domain and a warning, opened only on Open, and the call is sent again.
describe('URL elicitation in Chromium, against the SDK example', () => {
  const fixture = useChromiumPanel();
  let server: OAuthExampleServer;
  const served: string[] = [];

  beforeAll(async () => {
    server = await startOAuthExampleServer({ example: 'elicitationUrlExample.js' });
    // The link's site, answered here: the test machine has no way out, and the test sees each visit.
    await fixture.chromium.context.route('https://www.example.com/**', (route) => {
      served.push(route.request().url());
      return route.fulfill({ contentType: 'text/html', body: '<title>Example sign-in</title><p>Signed in.</p>' });
    });
  });
  afterAll(async () => server?.close());

  const retries = () => server.output().split('Simulating OAuth token received').length - 1;

  it('shows the link with its domain in the Run dialog, opens it only on Open, and sends the call again once it is complete', async () => {
    const connectors = await fixture.panel.openConnectors();
    await connectors.add({ name: 'URL demo', url: server.url, auth: 'OAuth' });
    await connectors.waitForStatus('URL demo', /^Needs sign-in$/);
    await connectors.item('URL demo').getByRole('button', { name: 'Sign in' }).click();
    await connectors.waitForStatus('URL demo', /^Connected$/);
    await connectors.waitForTool('URL demo', TOOL);

    const dialog = await connectors.openRunDialog('URL demo', TOOL);
    await dialog.getByLabel('param1', { exact: true }).fill('x');
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    const card = RequestCard.pendingIn(dialog, 'URL demo');
    await card.root.waitFor({ timeout: 20_000 });
    await card.root.getByText('This tool requires access to your example.com account. Open the link to authenticate!').waitFor();
    expect(await card.root.locator('.request-url').textContent()).toBe(LINK);
    expect(await card.root.locator('.request-domain').textContent()).toBe('www.example.com');
    await card.root.getByText('This link goes to www.example.com, not to localhost where URL demo runs.', { exact: false }).waitFor();
    expect(served).toEqual([]);

    const opened = fixture.chromium.context.waitForEvent('page');
    await card.button('Open').click();
    const tab = await opened;
    await tab.getByText('Signed in.').waitFor();
    expect(served).toEqual([LINK]);
    const answered = dialog.getByRole('article', { name: 'Request from URL demo', exact: true }).first();
    await answered.getByText('You opened the link.').waitFor();
    await answered.getByText('The server says this is complete.').waitFor({ timeout: 15_000 });
    // The call went again once the server said so (this example asks again every time).
    await expect.poll(retries, { timeout: 15_000 }).toBe(2);
    await tab.close();
  });
});
