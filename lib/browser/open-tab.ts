import { browser } from 'wxt/browser';

/**
 * Opens a URL in a new, active tab (a URL elicitation, after the person clicked **Open**).
 * Only `http:` and `https:` are opened: a server's `javascript:`, `data:` or extension URL never is.
 */
export async function openTab(url: string): Promise<void> {
  const protocol = new URL(url).protocol;
  if (protocol !== 'https:' && protocol !== 'http:') throw new Error(`Patchbay opens only http and https links, not ${protocol}`);
  await browser.tabs.create({ url, active: true });
}
