import { describe, expect, it } from 'vitest';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { useEverythingConnector } from '../harness/everything-connector';
import { connectorIdOfLabel, rowsOfConnector } from '../harness/rows-of-connector';
import { killServiceWorker } from '../harness/service-worker';
import { EvalsPage } from '../pages/evals-page';

const NONE = { evalSuites: 0, evalRuns: 0, savedCalls: 0, toolOverrides: 0, serverRequests: 0 };

// A connector's workbench rows (an eval suite, a what-if description, a saved call) made through
// the screens, then the connector removed: none of its rows is left in the database, also after
// the worker restarts, and the same server added again starts with empty screens.
describe('removing a connector leaves none of its rows, in Chromium', () => {
  const fixture = useChromiumPanel();
  const everything = useEverythingConnector(fixture, 'echo');

  it('deletes its eval suites, what-if overrides and saved calls with it', async () => {
    const page = fixture.panel.page;
    const dialog = await everything.connectors.openRunDialog('Everything', 'echo');
    await dialog.getByLabel('message', { exact: true }).fill('hello');
    await dialog.getByRole('textbox', { name: 'Call name' }).fill('greeting');
    await dialog.getByRole('button', { name: 'Save call', exact: true }).click();
    await dialog.getByRole('region', { name: 'Saved calls' }).getByText('greeting').first().waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    const evals = await EvalsPage.open(everything.connectors, 'Everything');
    await evals.button('New suite').click();
    await evals.addCase({ prompt: 'Say hello back', tool: 'echo' });
    await evals.saveWhatIf('echo', 'Repeats the message, loudly.');
    const id = (await page.evaluate(connectorIdOfLabel, 'Everything'))!;
    await expect.poll(() => page.evaluate(rowsOfConnector, id)).toEqual({ ...NONE, evalSuites: 1, savedCalls: 1, toolOverrides: 1 });

    await evals.region.getByRole('button', { name: 'Back' }).click();
    const connectors = await fixture.panel.openConnectors();
    await connectors.openMore('Everything');
    await connectors.item('Everything').getByRole('button', { name: 'Remove' }).click();
    await connectors.item('Everything').getByRole('group', { name: 'Remove Everything?' }).getByRole('button', { name: 'Remove' }).click();
    await connectors.item('Everything').waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(rowsOfConnector, id)).toEqual(NONE);

    // A new worker (its wake sweeps and prunes) finds nothing to bring back.
    await killServiceWorker(page);
    await fixture.panel.reload();
    await fixture.panel.waitForBackground();
    expect(await page.evaluate(rowsOfConnector, id)).toEqual(NONE);

    // The same server added again starts clean.
    const again = await fixture.panel.openConnectors();
    await again.add({ name: 'Everything', url: everything.server.url });
    await again.waitForTool('Everything', 'echo');
    const fresh = await again.openRunDialog('Everything', 'echo');
    await fresh.getByText('No saved calls for echo yet.').waitFor();
    await fresh.getByRole('button', { name: 'Close' }).click();
    const evalsAgain = await EvalsPage.open(again, 'Everything');
    await evalsAgain.button('New suite').waitFor();
    expect(await evalsAgain.region.getByText('Say hello back').count()).toBe(0);
    expect(await evalsAgain.region.getByText('Repeats the message, loudly.').count()).toBe(0);
  });
});
