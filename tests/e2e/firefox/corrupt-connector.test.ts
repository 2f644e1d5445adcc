import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerEverything, type RunningServer } from '../../fixtures/mcp-servers/server-everything';
import { byRole, FIREFOX_BUILD_DIR, launchFirefoxWithExtension, openPanelInNewPage, type FirefoxWithExtension } from '../harness/firefox';

describe('a corrupt connector row, in Firefox', () => {
  let firefox: FirefoxWithExtension | undefined;
  let server: RunningServer;
  let panel: Page;

  beforeAll(async () => {
    server = await startServerEverything('streamableHttp');
    firefox = await launchFirefoxWithExtension(FIREFOX_BUILD_DIR);
    panel = await openPanelInNewPage(firefox);
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('is shown apart with its error and a Remove button, while the good connector still connects', async () => {
    await panel.locator(byRole('tab', 'Connectors')).click();
    await panel.locator(byRole('button', 'Add connector')).click();
    await panel.locator(byRole('textbox', 'Name')).fill('Everything');
    await panel.locator(byRole('textbox', 'URL')).fill(server.url);
    await panel.locator(byRole('button', 'Save')).click();
    await panel.waitForSelector('li[aria-label="Everything"] .connector-status[data-state="connected"]', { timeout: 20_000 });
    await panel.evaluate(
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
    await panel.close();
    panel = await openPanelInNewPage(firefox!);
    await panel.locator(byRole('tab', 'Connectors')).click();
    const broken = await panel.waitForSelector('li[aria-label="Broken one"][data-corrupt="true"]', { timeout: 20_000 });
    expect(await broken!.evaluate((el) => el.textContent)).toMatch(/stored data is damaged.*url/s);
    await panel.waitForSelector('li[aria-label="Everything"] .connector-status[data-state="connected"]', { timeout: 20_000 });
    await panel.waitForSelector('li[aria-label="Everything"] [role="switch"][aria-label="echo"]', { timeout: 20_000 });

    await panel.locator('li[aria-label="Broken one"] button.btn-danger').click();
    await panel.locator('li[aria-label="Broken one"] [role="group"] button.btn-danger').click();
    await panel.waitForSelector('li[aria-label="Broken one"]', { hidden: true, timeout: 20_000 });
    expect(await panel.$('li[aria-label="Everything"]')).not.toBeNull();
  });
});
