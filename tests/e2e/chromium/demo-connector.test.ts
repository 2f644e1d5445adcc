import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CONNECTOR } from '../../../lib/contract/demo-connector';
import { startServerEverything, type RunningServer } from '../../fixtures/mcp-servers/server-everything';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import type { ConnectorsPage } from '../pages/connectors-page';

const NAME = DEMO_CONNECTOR.label;

/**
 * The demo in one click. The built panel points at the fixed DEMO_CONNECTOR port, so this file
 * starts server-everything there; nothing else in the suite uses that port.
 */
describe('The demo connector in Chromium', () => {
  const fixture = useChromiumPanel();
  let demo: RunningServer | undefined;
  let connectors: ConnectorsPage;

  beforeAll(async () => {
    demo = await startServerEverything('streamableHttp', { port: DEMO_CONNECTOR.port }).catch((error: unknown) => {
      throw new Error(`Could not start the demo server on port ${DEMO_CONNECTOR.port}: is \`npm start\` running? Stop it and run this test again.`, { cause: error });
    });
    connectors = await fixture.panel.openConnectors();
  });
  afterAll(async () => demo?.close());

  it('adds the running demo server in one click, without a form: Connected, tools listed', async () => {
    expect(demo!.url).toBe(DEMO_CONNECTOR.url);
    await connectors.addDemoButton.click();
    await connectors.waitForStatus(NAME, /^Connected$/);
    await connectors.waitForTool(NAME, 'echo');
    await connectors.waitForTool(NAME, 'get-sum');
    expect(await fixture.panel.page.getByRole('form').count()).toBe(0);
    expect(await connectors.item(NAME).textContent()).toContain(DEMO_CONNECTOR.url);
  });

  it('says to run npm start when the demo server is not running', async () => {
    await connectors.openMore(NAME);
    await connectors.item(NAME).getByRole('button', { name: 'Remove' }).click();
    await connectors.item(NAME).getByRole('group', { name: `Remove ${NAME}?` }).getByRole('button', { name: 'Remove' }).click();
    await connectors.item(NAME).waitFor({ state: 'detached' });
    await demo!.close();
    demo = undefined;

    await connectors.addDemoButton.click();
    await connectors.waitForStatus(NAME, /^Error: Could not reach/);
    await connectors.item(NAME).getByText('This is the demo server, and it is not running.', { exact: false }).waitFor();
    expect(await connectors.item(NAME).locator('code', { hasText: 'npm start' }).count()).toBe(1);
    expect(await connectors.item(NAME).getByRole('button', { name: 'Reconnect' }).count()).toBe(1);
  });
});
