import { UnsafeAuthUrlError } from './auth-errors';
import { classifyHost } from '../contract/host-address';
import { isLoopbackHost } from '../contract/loopback';

/** Where the flow's URLs come from, so a remote server's metadata cannot point at this machine. */
export interface AuthUrlContext {
  /** The MCP endpoint whose sign-in this is; when it is not on this machine, neither may the flow be. */
  serverUrl?: string;
}

/**
 * Refuses a URL the OAuth flow must not contact: anything but `https:` (or `http:` on loopback),
 * link-local, unspecified and cloud metadata addresses in every spelling (see {@link classifyHost}),
 * and loopback when the MCP server itself is elsewhere. A malicious MCP server chooses the
 * discovery, registration and token URLs, so without this it could make the extension fetch
 * from the user's machine or network what a web page could not (SSRF).
 */
export function assertSafeAuthUrl(url: string | URL, step: string, context: AuthUrlContext = {}): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UnsafeAuthUrlError(step, `"${String(url)}" is not a valid URL.`);
  }
  const host = classifyHost(parsed.hostname);
  if (host.kind === 'refused') throw new UnsafeAuthUrlError(step, `${parsed.origin} is ${host.reason}; Patchbay does not send OAuth requests there.`);
  if (host.kind === 'loopback' && context.serverUrl !== undefined && !serverIsLocal(context.serverUrl)) {
    throw new UnsafeAuthUrlError(step, `${parsed.origin} is on this machine (loopback), but the MCP server ${new URL(context.serverUrl).origin} is not: a remote server's metadata may not send Patchbay's requests here.`);
  }
  if (parsed.protocol === 'https:') return parsed;
  if (parsed.protocol === 'http:' && host.kind === 'loopback') return parsed;
  throw new UnsafeAuthUrlError(step, `${parsed.href} must use https: (plain http: is allowed only on this machine).`);
}

function serverIsLocal(serverUrl: string): boolean {
  try {
    return isLoopbackHost(new URL(serverUrl).hostname);
  } catch {
    return false;
  }
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
