import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { startServerEverything, type RunningServer } from '../../fixtures/mcp-servers/server-everything';
import { FIREFOX_BUILD_DIR, launchFirefoxWithExtension, openPanelInNewPage, type FirefoxWithExtension } from './firefox';

/** Filled in by `beforeAll`: Firefox with the built extension, its panel open, and server-everything running. */
export interface FirefoxWithEverything {
  firefox: FirefoxWithExtension;
  panel: Page;
  /** server-everything over Streamable HTTP, not yet added as a connector. */
  server: RunningServer;
}

/**
 * One Firefox per test file with the panel open in a tab, and server-everything started for it;
 * both closed after the file. Read the fields inside tests: they exist once `beforeAll` has run.
 */
export function useFirefoxWithEverything(): FirefoxWithEverything {
  const world = {} as FirefoxWithEverything;
  beforeAll(async () => {
    world.server = await startServerEverything('streamableHttp');
    world.firefox = await launchFirefoxWithExtension(FIREFOX_BUILD_DIR);
    world.panel = await openPanelInNewPage(world.firefox);
  });
  afterAll(async () => {
    await world.firefox?.close();
    await world.server?.close();
  });
  return world;
}
