import { UnsafeAuthUrlError } from './auth-errors';

/** Host names that answer with cloud credentials to anyone who can reach them. */
const METADATA_HOSTS = new Set([
  'metadata.google.internal',
  'metadata.goog',
  'metadata',
  'instance-data',
  'instance-data.ec2.internal',
  '100.100.100.200',
  '169.254.169.254',
  'fd00:ec2::254',
]);

/** True for `localhost`, 127.0.0.0/8 and ::1: a server on this machine, where https is not required. */
export function isLoopbackHost(hostname: string): boolean {
  const host = bareHost(hostname);
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** 169.254.0.0/16 and fe80::/10: never a real authorization server, often a metadata service. */
export function isLinkLocalHost(hostname: string): boolean {
  const host = bareHost(hostname);
  if (/^169\.254(\.\d{1,3}){2}$/.test(host)) return true;
  return /^fe[89ab][0-9a-f]?:/i.test(host) || /^::ffff:169\.254\./i.test(host);
}

/**
 * Refuses a URL the OAuth flow must not contact: anything but `https:` (or `http:` on loopback),
 * link-local addresses and cloud metadata endpoints. A malicious MCP server chooses the
 * discovery, registration and token URLs, so without this it could make the extension fetch
 * from the user's network what a web page could not (SSRF).
 */
export function assertSafeAuthUrl(url: string | URL, step: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UnsafeAuthUrlError(step, `"${String(url)}" is not a valid URL.`);
  }
  const host = bareHost(parsed.hostname);
  if (isLinkLocalHost(host)) throw new UnsafeAuthUrlError(step, `${parsed.origin} is a link-local address; Patchbay does not send OAuth requests there.`);
  if (METADATA_HOSTS.has(host)) throw new UnsafeAuthUrlError(step, `${parsed.origin} is a cloud metadata endpoint; Patchbay does not send OAuth requests there.`);
  if (parsed.protocol === 'https:') return parsed;
  if (parsed.protocol === 'http:' && isLoopbackHost(host)) return parsed;
  throw new UnsafeAuthUrlError(step, `${parsed.href} must use https: (plain http: is allowed only on this machine).`);
}

/**
 * The authorization URL is opened in a browser window: only `http(s):` may be, never
 * `javascript:`, `data:` or an extension page.
 */
export function assertOpenableAuthorizationUrl(url: URL): URL {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UnsafeAuthUrlError('authorization-request', `The authorization URL must be http(s):, not ${url.protocol}`);
  }
  return url;
}

function bareHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
}
