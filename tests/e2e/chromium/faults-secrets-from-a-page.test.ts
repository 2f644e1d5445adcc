import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_BUILD_DIR } from '../harness/chromium';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';

const API_KEY = 'sk-faults-page-must-not-see-0123456789';

describe('a web page in the same browser cannot reach Patchbay\'s secrets, in Chromium', () => {
  const fixture = useChromiumPanel();
  let site: Server;
  let siteUrl: string;

  beforeAll(async () => {
    site = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Some site</title><p>hello</p>'));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
    const settings = await fixture.panel.openSettings();
    await settings.fill({ apiKey: API_KEY, baseUrl: 'http://127.0.0.1:9/v1', model: 'm' });
    await settings.save();
  });
  afterAll(async () => {
    site?.closeAllConnections();
    await new Promise((resolve) => site?.close(resolve));
  });

  it('the manifest opens no door to pages: no externally_connectable, content scripts, web-accessible resources or host access to pages', async () => {
    const manifest = JSON.parse(await readFile(join(CHROME_BUILD_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).not.toHaveProperty('externally_connectable');
    expect(manifest).not.toHaveProperty('content_scripts');
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    // Attach page injects its reader (no messaging, data back only) into a tab the user invoked
    // Patchbay on: `scripting` comes with `activeTab`, never with host access to pages or `tabs`.
    expect(manifest.permissions).toEqual(expect.arrayContaining(['activeTab', 'scripting']));
    expect(manifest.permissions).not.toContain('tabs');
    expect(manifest.host_permissions).toEqual(['http://localhost/*', 'http://127.0.0.1/*']);
  });

  it('the page has no messaging to the extension or its worker, cannot fetch its files, and holds no copy of the key', async () => {
    const page = await fixture.chromium.context.newPage();
    try {
      await page.goto(siteUrl);
      const seen = await page.evaluate(async ({ id, key }) => {
        const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown; connect?: unknown } } }).chrome?.runtime;
        const fetchOutcome = async (path: string) => {
          try {
            await fetch(`chrome-extension://${id}/${path}`);
            return 'fetched';
          } catch {
            return 'refused';
          }
        };
        const storage = [
          JSON.stringify({ ...localStorage }),
          JSON.stringify({ ...sessionStorage }),
          document.cookie,
          JSON.stringify(await indexedDB.databases()),
          JSON.stringify(await caches.keys()),
        ].join('\n');
        // The panel's direct command channel is a MessagePort it hands the extension's service
        // worker: a page cannot reach that worker to hand it one of its own.
        const worker = await navigator.serviceWorker.getRegistration(`chrome-extension://${id}/`).then(
          (registration) => (registration ? 'found' : 'none'),
          () => 'refused',
        );
        return {
          worker,
          sendMessage: typeof runtime?.sendMessage,
          connect: typeof runtime?.connect,
          manifest: await fetchOutcome('manifest.json'),
          panel: await fetchOutcome('sidepanel.html'),
          keyInPageStorage: storage.includes(key) || storage.includes('patchbay'),
          keyInDom: document.documentElement.outerHTML.includes(key),
        };
      }, { id: fixture.chromium.extensionId, key: API_KEY });
      expect(seen).toEqual({ worker: 'refused', sendMessage: 'undefined', connect: 'undefined', manifest: 'refused', panel: 'refused', keyInPageStorage: false, keyInDom: false });
    } finally {
      await page.close();
    }
  });

  it('the key is there for the extension itself, so the page\'s failure is not an empty store', async () => {
    const stored = await fixture.panel.page.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
    expect(stored).toContain(API_KEY);
  });
});
