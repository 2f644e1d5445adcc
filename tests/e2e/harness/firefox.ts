import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../wxt.config';
import { FIREFOX_PATH, requireBuild, requireExecutable } from './require-executable';

/** What `npm run build` makes for Firefox; the tests load it, never build it. */
export const FIREFOX_BUILD_DIR = fileURLToPath(new URL('../../../.output/firefox-mv3', import.meta.url));

/** Selects by role and accessible name through Firefox's accessibility tree. */
export const byRole = (role: string, name: string) => `::-p-aria([role="${role}"][name="${name}"])`;

/** Pinned through `extensions.webextensions.uuids`, so page URLs are known before install. */
const EXTENSION_UUID = '6f1d3c2a-5b4e-4a7d-9c8b-2e0f1a3b4c5d';

/**
 * Set to `1` to print Firefox's output, including the extension's console: BiDi reports no
 * console events or errors from moz-extension documents, so this is the only way to see them.
 */
const LOG_ENV = 'PATCHBAY_FIREFOX_LOG';

/** A running Firefox with the extension installed and one page to drive. */
export interface FirefoxWithExtension {
  browser: Browser;
  page: Page;
  /** `moz-extension://<uuid>/<path>` for this install. */
  extensionUrl(path: string): string;
  /** Closes the browser; puppeteer then deletes the temporary profile. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Launches headless Firefox over WebDriver BiDi with a fresh temporary profile (puppeteer's
 * default without `userDataDir`, deleted on close) and installs the unpacked build at
 * `extensionDir` as a temporary add-on.
 */
export async function launchFirefoxWithExtension(extensionDir: string): Promise<FirefoxWithExtension> {
  const log = process.env[LOG_ENV] === '1';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: requireExecutable(FIREFOX_PATH, 'firefox-esr'),
    headless: true,
    dumpio: log,
    // The remote agent treats moz-extension documents as system contexts: without this flag
    // the add-on installs, but BiDi can neither query nor script its pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      ...(log ? { 'devtools.console.stdout.content': true, 'devtools.console.stdout.chrome': true } : {}),
    },
  });
  const close = once(async () => {
    try {
      await browser.close();
    } catch {
      // The connection is gone but the process may not be: end it, and puppeteer's exit
      // handler still removes the temporary profile.
      browser.process()?.kill('SIGKILL');
    }
  });
  try {
    await browser.installExtension(requireBuild(extensionDir));
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    return { browser, page, extensionUrl: (path) => `moz-extension://${EXTENSION_UUID}/${path.replace(/^\//, '')}`, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Starts loading an extension page without awaiting it: Firefox loads moz-extension pages but
 * never reports the navigation to BiDi, so `goto` would never settle. Wait for a selector next.
 * Use a fresh page for each load: in a page that has already shown a moz-extension document,
 * the next document's first `::-p-aria` query times out (puppeteer 24.43 with Firefox 153).
 */
export function openExtensionPage(page: Page, url: string): void {
  page.goto(url, { timeout: 0 }).catch(() => {
    // Settles only when the page closes ("Frame detached"): nothing to report.
  });
}

function once(action: () => Promise<void>): () => Promise<void> {
  let result: Promise<void> | undefined;
  return () => (result ??= action());
}

/** How long one attempt may take for the panel to render its tabs after its page starts loading. */
const PANEL_ATTEMPT_MS = 15_000;
/** Fresh pages tried before giving up on the panel rendering. */
const PANEL_ATTEMPTS = 3;

/**
 * Opens the side panel in a new page and waits until its tabs are rendered; returns that page.
 * Firefox's BiDi sometimes loses the page's realm while a moz-extension document replaces
 * `about:blank` (the wait then fails on every poll with "right-hand side of 'in' should be an
 * object, got null", seen under load in CI), and a page in that state never recovers. So an
 * attempt that fails closes its page and tries a fresh one; a panel that never renders still
 * fails after the last attempt, with the last error as cause.
 */
export async function openPanelInNewPage(firefox: FirefoxWithExtension): Promise<Page> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= PANEL_ATTEMPTS; attempt++) {
    const page = await firefox.browser.newPage();
    openExtensionPage(page, firefox.extensionUrl('sidepanel.html'));
    try {
      await page.waitForSelector(byRole('tab', 'Chat'), { timeout: PANEL_ATTEMPT_MS });
      return page;
    } catch (error) {
      lastError = error;
      await page.close().catch(() => {});
    }
  }
  throw new Error(`The side panel rendered no tabs in ${PANEL_ATTEMPTS} fresh pages`, { cause: lastError });
}
