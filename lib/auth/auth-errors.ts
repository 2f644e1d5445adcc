import type { OAuthErrorCode } from '../contract/error-codes';

/**
 * A refusal or failure of the OAuth flow, with the step it happened in, so a failed sign-in says
 * exactly where and why instead of "check your server URL".
 */
export class OAuthFlowError extends Error {
  override readonly name: string = 'OAuthFlowError';

  constructor(
    readonly code: OAuthErrorCode,
    /** The {@link AuthStep} step name it failed in, e.g. `authorization-response`. */
    readonly step: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A discovery, registration, token or authorization URL that Patchbay refuses to contact. */
export class UnsafeAuthUrlError extends OAuthFlowError {
  override readonly name = 'UnsafeAuthUrlError';
  constructor(step: string, message: string) {
    super('unsafe-url', step, message);
  }
}

/**
 * The server needs the user to sign in, and nobody asked for a window (worker start-up, a
 * background refresh): the connector ends in `needs-auth` instead of popping one up.
 */
export class NeedsAuthorizationError extends OAuthFlowError {
  override readonly name = 'NeedsAuthorizationError';
  constructor(
    /** Where the user would be sent to sign in; the UI's Sign in button starts over anyway. */
    readonly authorizationUrl: URL | null,
  ) {
    super('needs-authorization', 'authorization-request', 'The server needs you to sign in.');
  }
}
