import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { OAuthFlowError } from './auth-errors';
import type { AuthorizationAdapter } from './authorization-adapter';
import { assertOpenableAuthorizationUrl } from './safe-auth-url';

const MAX_HOPS = 10;

/**
 * The authorization step without a browser, for authorization servers that redirect at once
 * (the conformance suite's, test servers): performs the request with `redirect: 'manual'` and
 * follows redirects until one points at the redirect URI, which it returns unopened.
 */
export function createFetchAuthorizationAdapter(options: { redirectUrl: string; fallbackRedirectUrl?: string; fetch?: FetchLike }): AuthorizationAdapter {
  const fetch = options.fetch ?? globalThis.fetch;
  const targets = [options.redirectUrl, options.fallbackRedirectUrl].filter((u): u is string => u !== undefined).map((u) => new URL(u));
  const isRedirectUri = (url: URL) => targets.some((target) => url.origin === target.origin && url.pathname === target.pathname);
  return {
    redirectUrl: options.redirectUrl,
    fallbackRedirectUrl: options.fallbackRedirectUrl,
    async authorize(authorizationUrl) {
      let url = assertOpenableAuthorizationUrl(authorizationUrl);
      for (let hop = 0; hop < MAX_HOPS; hop += 1) {
        const response = await fetch(url, { redirect: 'manual' });
        await response.body?.cancel().catch(() => undefined);
        const location = response.headers.get('location');
        if (response.status < 300 || response.status >= 400 || location === null) {
          throw new OAuthFlowError('flow-failed', 'authorization-request', `The authorization server answered HTTP ${response.status} instead of redirecting back.`);
        }
        const next = new URL(location, url);
        if (isRedirectUri(next)) return next;
        url = assertOpenableAuthorizationUrl(next);
      }
      throw new OAuthFlowError('too-many-redirects', 'authorization-request', `No redirect back to ${options.redirectUrl} after ${MAX_HOPS} hops.`);
    },
  };
}
