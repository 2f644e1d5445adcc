import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerEverything, type RunningServer } from '../../fixtures/mcp-servers/server-everything';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { killServiceWorker } from '../harness/service-worker';
import type { ConnectorsPage } from '../pages/connectors-page';

describe('a corrupt connector row, in Chromium', () => {
  const fixture = useChromiumPanel();
  let server: RunningServer;
  let connectors: ConnectorsPage;

  beforeAll(async () => {
    server = await startServerEverything('streamableHttp');
    connectors = await fixture.panel.openConnectors();
    await connectors.add({ name: 'Everything', url: server.url });
    await connectors.waitForTool('Everything', 'echo');
  });
  afterAll(async () => server?.close());

  it('is shown apart with its error and a Remove button, while the others list and work', async () => {
    // What a bug, an old build or a hand edit could leave in IndexedDB: a row that fails its schema.
    await fixture.panel.page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('patchbay');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction('connectors', 'readwrite');
            tx.objectStore('connectors').put({ id: 'broken-1', label: 'Broken one', url: 'not a url', tools: 'many' });
            tx.oncomplete = () => (db.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    // The worker wakes with the corrupt row stored: the good connector must still connect.
    await killServiceWorker(fixture.panel.page);
    await fixture.panel.reload();
    connectors = await fixture.panel.openConnectors();

    const broken = connectors.item('Broken one');
    await broken.waitFor();
    expect(await broken.textContent()).toMatch(/stored data is damaged/);
    expect(await broken.textContent()).toMatch(/url/);
    await connectors.waitForStatus('Everything', /^Connected$/);
    await connectors.waitForTool('Everything', 'echo');

    const dialog = await connectors.openRunDialog('Everything', 'echo');
    await dialog.getByLabel('message', { exact: true }).fill('still working');
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    await dialog.getByRole('region', { name: 'Result' }).locator('.result-text').filter({ hasText: 'Echo: still working' }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    await broken.getByRole('button', { name: 'Remove', exact: true }).click();
    await broken.getByRole('group', { name: 'Remove Broken one?' }).getByRole('button', { name: 'Remove', exact: true }).click();
    await broken.waitFor({ state: 'detached' });
    expect(await connectors.item('Everything').isVisible()).toBe(true);
  });
});
