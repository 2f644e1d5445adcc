import type { Page } from 'playwright-core';

/**
 * Stops the extension's service worker the way Chrome does when it idles out: through CDP on an
 * extension page. Playwright's worker handle is stale afterwards; check liveness through the
 * extension itself (see `pingBackground`).
 */
export async function killServiceWorker(extensionPage: Page): Promise<void> {
  const cdp = await extensionPage.context().newCDPSession(extensionPage);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach();
  }
}

/** The background's answer to `ping`, sent from an extension page as the panel would send it. */
export interface PingReply {
  ok: boolean;
  result?: { version: string; workerStartedAt: number; databaseReady: boolean };
  error?: { code: string; message: string };
}

export async function pingBackground(extensionPage: Page): Promise<PingReply> {
  return extensionPage.evaluate(() =>
    chrome.runtime.sendMessage({ channel: 'patchbay/command', command: 'ping', payload: {} }),
  );
}
