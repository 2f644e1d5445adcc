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

/** The match pattern that covers every path of the URL's origin, as `permissions.request` wants it. */
export function originPatternOf(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}
