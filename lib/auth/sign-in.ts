import { auth } from '@modelcontextprotocol/sdk/client/auth.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { OAuthFlowError } from './auth-errors';
import { type AuthorizationAdapter, AuthorizationCancelledError } from './authorization-adapter';
import { challengeAuthOptions } from './challenge-auth-options';
import type { ConnectorOAuthProvider } from './connector-oauth-types';

export interface SignInOptions {
  serverUrl: string;
  fetch: FetchLike;
  adapter: AuthorizationAdapter;
  /** A scope to ask for (e.g. from a 403 challenge); else the metadata's or the connector's. */
  scope?: string;
}

/**
 * The Sign in button: discovery, registration, then — unless a refresh token still works — the
 * authorization step through the adapter, the state/iss checks, and the code exchange. Every
 * request goes through the provider's guarded fetch and shows up as an {@link AuthStep}. Throws
 * {@link AuthorizationCancelledError} when the user closed the window, otherwise an
 * {@link OAuthFlowError} naming the step that failed.
 */
export async function signIn(provider: ConnectorOAuthProvider, options: SignInOptions): Promise<void> {
  try {
    await signInOnce(provider, options);
  } catch (error) {
    // A server that refused our redirect URI at registration may take the adapter's other form.
    if (!(error instanceof OAuthFlowError) || !refusedRedirect(error) || !provider.useFallbackRedirect()) throw error;
    provider.reportStep({ step: 'client-registration', outcome: 'skipped', detail: `Retrying with the redirect URI ${provider.redirectUrl}.` });
    await signInOnce(provider, options);
  }
}

/** Registration refused the redirect URI (RFC 7591 `invalid_redirect_uri`, or a message saying so). */
function refusedRedirect(error: OAuthFlowError): boolean {
  return /invalid_redirect_uri|redirect[_ ]ur[il]/i.test(`${error.message} ${String((error.cause as Error | undefined)?.message ?? '')}`);
}

async function signInOnce(provider: ConnectorOAuthProvider, options: SignInOptions): Promise<void> {
  const fetchFn = provider.guardFetch(options.fetch);
  const { serverUrl } = options;
  // A scope asked for explicitly comes before the challenge's.
  const challenged = await challengeAuthOptions(provider);
  const scope = options.scope ?? challenged.scope;
  const { resourceMetadataUrl } = challenged;
  let step = 'discovery';
  try {
    if ((await auth(provider, { serverUrl, scope, resourceMetadataUrl, fetchFn })) === 'AUTHORIZED') return;
    step = 'authorization-request';
    const request = provider.takeAuthorizationRequest();
    if (request === null) throw new OAuthFlowError('flow-failed', step, 'The flow asked for an authorization but named no URL.');
    const redirectedTo = await options.adapter.authorize(request);
    step = 'authorization-response';
    const code = await provider.completeAuthorization(redirectedTo);
    step = 'token';
    if ((await auth(provider, { serverUrl, scope, resourceMetadataUrl, authorizationCode: code, fetchFn })) !== 'AUTHORIZED') {
      throw new OAuthFlowError('flow-failed', step, 'The code exchange did not yield tokens.');
    }
  } catch (error) {
    if (error instanceof AuthorizationCancelledError) {
      provider.reportStep({ step: 'authorization-request', outcome: 'skipped', detail: 'Sign-in cancelled: the window was closed.' });
      throw error;
    }
    // The cached discovery may be what failed (the server moved to another issuer): the next
    // attempt discovers again.
    await provider.invalidateCredentials?.('discovery');
    if (error instanceof OAuthFlowError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    provider.reportStep({ step, outcome: 'failed', detail: message });
    throw new OAuthFlowError('flow-failed', step, message, { cause: error });
  }
}
