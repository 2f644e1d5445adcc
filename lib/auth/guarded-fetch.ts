import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { OAuthFlowError, UnsafeAuthUrlError } from './auth-errors';
import { classifyAuthRequest, type AuthStepListener } from './auth-step';
import { assertSafeAuthUrl, type AuthUrlContext } from './safe-auth-url';

/** More hops than any honest discovery or token endpoint needs. */
const MAX_REDIRECTS = 5;

/**
 * A fetch for the OAuth flow's own requests (discovery, registration, token, revocation): every
 * URL, and every redirect hop before it is followed, must pass {@link assertSafeAuthUrl}, so a
 * server cannot bounce the extension to a link-local or metadata address. Each request is
 * reported as an {@link AuthStep}. Browsers hide redirect targets from `redirect: 'manual'`
 * (an opaque redirect): such a redirect is refused rather than followed blind. With the MCP
 * server's URL in `context`, a remote server cannot send any of these requests to this machine.
 */
export function guardedAuthFetch(inner: FetchLike, onStep?: AuthStepListener, context: AuthUrlContext = {}): FetchLike {
  return async (input, init) => {
    let url = new URL(String(input));
    const step = classifyAuthRequest(url, init?.body);
    let requestInit: RequestInit = { ...init, redirect: 'manual' };
    for (let hop = 0; ; hop += 1) {
      try {
        assertSafeAuthUrl(url, step, context);
      } catch (error) {
        report(onStep, step, url, undefined, 'failed', (error as Error).message);
        throw error;
      }
      let response: Response;
      try {
        response = await inner(url, requestInit);
      } catch (error) {
        report(onStep, step, url, undefined, 'failed', `Request failed: ${(error as Error).message}`);
        throw error;
      }
      if (response.type === 'opaqueredirect') {
        const message = `${url.href} redirected, and the browser hides where to; Patchbay does not follow redirects it cannot check.`;
        report(onStep, step, url, undefined, 'failed', message);
        throw new UnsafeAuthUrlError(step, message);
      }
      const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
      if (location === null) {
        report(onStep, step, url, response.status, response.ok ? 'ok' : 'failed', response.ok ? `HTTP ${response.status}` : `HTTP ${response.status} ${response.statusText}`.trim());
        return response;
      }
      await response.body?.cancel().catch(() => undefined);
      if (hop >= MAX_REDIRECTS) {
        report(onStep, step, url, response.status, 'failed', 'Too many redirects.');
        throw new OAuthFlowError('too-many-redirects', step, `${String(input)} redirected more than ${MAX_REDIRECTS} times.`);
      }
      const next = new URL(location, url);
      report(onStep, step, url, response.status, 'ok', `Redirected to ${next.href}`);
      requestInit = redirectedInit(requestInit, response.status, url, next);
      url = next;
    }
  };
}

/** What a browser would send to the next hop: 303 (and 301/302 after POST) become GET; credentials stay on their origin. */
function redirectedInit(init: RequestInit, status: number, from: URL, to: URL): RequestInit {
  const method = (init.method ?? 'GET').toUpperCase();
  const toGet = status === 303 ? method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST';
  const headers = new Headers(init.headers);
  if (from.origin !== to.origin) headers.delete('authorization');
  if (toGet) {
    headers.delete('content-type');
    return { ...init, method: 'GET', body: undefined, headers };
  }
  return { ...init, headers };
}

function report(onStep: AuthStepListener | undefined, step: string, url: URL, status: number | undefined, outcome: 'ok' | 'failed', detail: string): void {
  onStep?.({ at: Date.now(), step, url: url.href, status, outcome, detail });
}

/**
 * The SDK treats any failure to read protected-resource metadata as "no RFC 9728" and falls back
 * to the server's origin, so a refused unsafe URL would surface later as an opaque 404. This
 * remembers such a refusal and fails the flow's next request with it instead: the user sees
 * which URL was refused, and why.
 */
export function stopAfterUnsafeUrl(guarded: FetchLike): FetchLike {
  let refused: UnsafeAuthUrlError | null = null;
  return async (input, init) => {
    if (refused !== null) {
      const error = refused;
      refused = null;
      throw error;
    }
    try {
      return await guarded(input, init);
    } catch (error) {
      if (error instanceof UnsafeAuthUrlError) {
        // The flow's GETs are all discovery (metadata); registration, token and revocation POST.
        const what = (init?.method ?? 'GET').toUpperCase() === 'GET' ? 'discovery' : 'OAuth';
        refused = new UnsafeAuthUrlError(what === 'discovery' ? 'discovery' : error.step, `The ${what} URL ${String(input)} was refused as unsafe: ${error.message}`);
      }
      throw error;
    }
  };
}
