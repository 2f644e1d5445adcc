import { describe, expect, it } from 'vitest';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { useEverythingConnector } from '../harness/everything-connector';
import { killServiceWorker } from '../harness/service-worker';
import { putRawRow } from '../harness/raw-rows';

describe('a corrupt connector row, in Chromium', () => {
  const fixture = useChromiumPanel();
  const everything = useEverythingConnector(fixture);

  it('is shown apart with its error and a Remove button, while the others list and work', async () => {
    // What a bug, an old build or a hand edit could leave in IndexedDB: a row that fails its schema.
    await fixture.panel.page.evaluate(putRawRow, { table: 'connectors', row: { id: 'broken-1', label: 'Broken one', url: 'not a url', tools: 'many' } });
    // The worker wakes with the corrupt row stored: the good connector must still connect.
    await killServiceWorker(fixture.panel.page);
    await fixture.panel.reload();
    everything.connectors = await fixture.panel.openConnectors();

    const broken = everything.connectors.item('Broken one');
    await broken.waitFor();
    expect(await broken.textContent()).toMatch(/stored data is damaged/);
    expect(await broken.textContent()).toMatch(/url/);
    await everything.connectors.waitForStatus('Everything', /^Connected$/);
    await everything.connectors.waitForTool('Everything', 'echo');

    const dialog = await everything.connectors.openRunDialog('Everything', 'echo');
    await dialog.getByLabel('message', { exact: true }).fill('still working');
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    await dialog.getByRole('region', { name: 'Result' }).locator('.result-text').filter({ hasText: 'Echo: still working' }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    await broken.getByRole('button', { name: 'Remove', exact: true }).click();
    await broken.getByRole('group', { name: 'Remove Broken one?' }).getByRole('button', { name: 'Remove', exact: true }).click();
    await broken.waitFor({ state: 'detached' });
    expect(await everything.connectors.item('Everything').isVisible()).toBe(true);
  });
});
