import { browser } from 'wxt/browser';
import { OAuthFlowError } from './auth-errors';
import { type AuthorizationAdapter, AuthorizationCancelledError } from './authorization-adapter';
import { assertOpenableAuthorizationUrl } from './safe-auth-url';

/** What Chrome and Firefox reject `launchWebAuthFlow` with when the user closes the window. */
const CANCELLED = /did not approve|cancel|denied|closed/i;

/**
 * The browser's authorization step: `identity.launchWebAuthFlow` opens the server's page in a
 * window the extension cannot script, and resolves with the redirect to
 * `https://<id>.chromiumapp.org/oauth` (Chrome) or `https://<hash>.extensions.allizom.org/oauth`
 * (Firefox) — both answer only to this extension, so no page can catch the code.
 */
export function createIdentityAuthorizationAdapter(): AuthorizationAdapter {
  const redirectUrl = browser.identity.getRedirectURL('oauth');
  return {
    redirectUrl,
    fallbackRedirectUrl: firefoxLoopbackRedirect(redirectUrl),
    async authorize(authorizationUrl) {
      assertOpenableAuthorizationUrl(authorizationUrl);
      let redirected: string | undefined;
      try {
        redirected = await browser.identity.launchWebAuthFlow({ url: authorizationUrl.href, interactive: true });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (CANCELLED.test(message)) throw new AuthorizationCancelledError(undefined, { cause: error });
        throw new OAuthFlowError('flow-failed', 'authorization-request', `The sign-in window failed: ${message}`, { cause: error });
      }
      if (!redirected) throw new AuthorizationCancelledError();
      return new URL(redirected);
    },
  };
}

/**
 * Firefox also completes `launchWebAuthFlow` on `http://127.0.0.1/mozoauth2/<hash>`, the form
 * servers that accept only loopback redirects for public clients take. Chrome has no such form.
 */
export function firefoxLoopbackRedirect(redirectUrl: string): string | undefined {
  const match = /^https:\/\/([0-9a-f]+)\.extensions\.allizom\.org\//.exec(redirectUrl);
  return match ? `http://127.0.0.1/mozoauth2/${match[1]}` : undefined;
}

/**
 * The redirect URIs to register for a pre-registered client or to list in a client metadata
 * document: the identity API's, then Firefox's loopback form where there is one.
 */
export function oauthRedirectUris(): string[] {
  const redirectUrl = browser.identity.getRedirectURL('oauth');
  const fallback = firefoxLoopbackRedirect(redirectUrl);
  return fallback ? [redirectUrl, fallback] : [redirectUrl];
}
