import type { BrowserContext, Page } from 'playwright-core';

/**
 * Opens Patchbay in Chrome's real side panel, beside the window's current tab. `sidePanel.open`
 * needs a user gesture; CDP's `Runtime.evaluate` with `userGesture: true` on an extension page is
 * one, as a click on the toolbar button would be. The helper page is closed again.
 */
export async function openRealSidePanel(context: BrowserContext, extensionUrl: (path: string) => string, beside: Page): Promise<void> {
  const helper = await context.newPage();
  try {
    await helper.goto(extensionUrl('sidepanel.html'));
    await beside.bringToFront();
    const cdp = await context.newCDPSession(helper);
    const { exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression: `(async () => { const w = await chrome.windows.getLastFocused(); await chrome.sidePanel.open({ windowId: w.id }); })()`,
      userGesture: true,
      awaitPromise: true,
    });
    await cdp.detach();
    if (exceptionDetails) throw new Error(`chrome.sidePanel.open failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  } finally {
    await helper.close();
  }
}

/** How many page targets show the panel, tabs and the side panel alike (Playwright lists only tabs). */
export async function panelTargetCount(page: Page, extensionUrl: (path: string) => string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
    return targetInfos.filter((t) => t.type === 'page' && t.url === extensionUrl('sidepanel.html')).length;
  } finally {
    await cdp.detach();
  }
}
