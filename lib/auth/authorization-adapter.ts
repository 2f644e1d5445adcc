/**
 * The one step of OAuth that needs a user agent: open the authorization URL and wait for the
 * redirect back. The browser runs it through the identity API; the conformance client and tests
 * through plain HTTP. Everything else in `lib/auth` is the same for both.
 */
export interface AuthorizationAdapter {
  /** The redirect URI registered with the authorization server. */
  readonly redirectUrl: string;
  /**
   * A second redirect URI the same step can complete on, for servers that refuse the first at
   * registration (Firefox: the loopback form `http://127.0.0.1/mozoauth2/<hash>`).
   */
  readonly fallbackRedirectUrl?: string;
  /**
   * Shows/performs the authorization step and resolves with the full URL the server redirected
   * to (with code, state, maybe iss). Rejects with {@link AuthorizationCancelledError} when the
   * user closed the window.
   */
  authorize(authorizationUrl: URL): Promise<URL>;
}

/** The user closed the sign-in window: a normal "cancelled" outcome, not an error to report. */
export class AuthorizationCancelledError extends Error {
  override readonly name = 'AuthorizationCancelledError';
  readonly code = 'authorization-cancelled' as const;

  constructor(message = 'Sign-in was cancelled.', options?: { cause?: unknown }) {
    super(message, options);
  }
}
