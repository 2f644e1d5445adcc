import { browser } from 'wxt/browser';

const MANIFEST_LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1']);

/**
 * Whether the manifest grants this URL up front: it declares only `http://localhost/*` and
 * `http://127.0.0.1/*` (local servers are the main use and need no prompt). `https:` on a loopback
 * host is another origin, which the user must grant like any other.
 */
export function isLoopbackUrl(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'http:' && MANIFEST_LOOPBACK_HOSTNAMES.has(hostname);
}

/** Whether fetches from the background may reach this URL's origin right now. */
export async function hasHostPermission(url: string): Promise<boolean> {
  if (isLoopbackUrl(url)) return true;
  return browser.permissions.contains({ origins: [originPatternOf(url)] });
}

/** The match pattern that covers every path of the URL's origin, as `permissions.request` wants it. */
export function originPatternOf(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

/**
 * Asks for access to the URL's origin unless the extension already has it. Call it first thing in
 * a click handler: Firefox only shows the prompt from inside a user gesture.
 */
export async function ensureHostPermission(url: string): Promise<boolean> {
  if (isLoopbackUrl(url)) return true;
  // Resolves true at once, without a prompt, when the origin is already granted.
  return browser.permissions.request({ origins: [originPatternOf(url)] });
}
