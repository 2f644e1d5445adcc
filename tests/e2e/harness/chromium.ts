import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_PATH, requireBuild, requireExecutable } from './require-executable';

export const CHROME_BUILD_DIR = resolve('.output/chrome-mv3');

/** A Chromium with Patchbay loaded, and the extension id read off its service worker. */
export interface ChromiumWithExtension {
  context: BrowserContext;
  extensionId: string;
  extensionUrl(path: string): string;
  /** Opens the side panel page in a tab, the way the panel itself loads it. */
  openPanel(): Promise<Page>;
  close(): Promise<void>;
}

/** Flags this machine needs: no sandbox as root, and no background traffic to a closed network. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Tests run headless in a throwaway profile; `npm start` shows a window and keeps its profile. */
export interface LaunchOptions {
  extensionDir?: string;
  headless?: boolean;
  /** A profile to keep; by default a temporary one is made and removed on close. */
  userDataDir?: string;
}

export async function launchChromiumWithExtension(options: LaunchOptions = {}): Promise<ChromiumWithExtension> {
  const extensionDir = requireBuild(options.extensionDir ?? CHROME_BUILD_DIR);
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'patchbay-chromium-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: requireExecutable(CHROMIUM_PATH, 'chromium'),
    headless: options.headless ?? true,
    // A visible window sizes its own pages; a headless one gets Playwright's fixed viewport.
    ...(options.headless === false ? { viewport: null } : {}),
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  const worker = await firstServiceWorker(context);
  const extensionId = new URL(worker.url()).host;
  const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
  return {
    context,
    extensionId,
    extensionUrl,
    async openPanel() {
      const page = await context.newPage();
      await page.goto(extensionUrl('sidepanel.html'));
      return page;
    },
    async close() {
      await context.close();
      if (!options.userDataDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

async function firstServiceWorker(context: BrowserContext): Promise<Worker> {
  const [running] = context.serviceWorkers();
  return running ?? context.waitForEvent('serviceworker');
}
