import { type OAuthClientProvider, UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import type { FetchLike, Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { NeedsAuthorizationError, OAuthFlowError } from './auth-errors';
import { isConnectorOAuthProvider } from './connector-oauth-types';
import { refreshIfExpiring } from './refresh-if-expiring';

/** Opens the authorization URL for the user and resolves with where the server redirected. */
export type Authorize = (authorizationUrl: URL) => Promise<URL>;

export interface AuthorizationRetryOptions {
  /** The connector's provider; without one (or with a machine provider) errors pass through. */
  provider: OAuthClientProvider | undefined;
  /** Redeems the code on the transport that asked for it (`transport.finishAuth`). */
  finishAuth(code: string): Promise<void>;
  /**
   * Runs the authorization step. Absent when the user did not ask for a sign-in (worker
   * start-up, background refresh): then a needed authorization throws
   * {@link NeedsAuthorizationError} instead of opening a window.
   */
  authorize?: Authorize;
  /** When given, a token about to expire is refreshed through it before the operation. */
  fetch?: FetchLike;
  /** Authorizations per call before giving up (a server that keeps asking for more scope). */
  maxAuthorizations?: number;
}

const DEFAULT_MAX_AUTHORIZATIONS = 2;

/**
 * Runs an MCP operation (connect, tools/list, tools/call…) and, when the SDK's transport ends it
 * with `UnauthorizedError` — a 401, or a 403 `insufficient_scope` step-up it could not satisfy
 * with the tokens it has — authorizes through `authorize`, checks the response, redeems the code
 * and runs the operation again on the same transport. Capped, so a server that never accepts the
 * scope it asks for cannot loop the user through sign-in windows.
 */
export async function withAuthorizationRetry<T>(operation: () => Promise<T>, options: AuthorizationRetryOptions): Promise<T> {
  const { provider } = options;
  if (!isConnectorOAuthProvider(provider)) return operation();
  const max = options.maxAuthorizations ?? DEFAULT_MAX_AUTHORIZATIONS;
  let authorizations = 0;
  const authorizeOnce = async (cause: unknown) => {
    const request = provider.takeAuthorizationRequest();
    if (request === null) throw cause;
    if (!options.authorize) throw new NeedsAuthorizationError(request);
    if (authorizations >= max) {
      throw new OAuthFlowError('retry-limit', 'authorization-request', `The server still refuses after ${max} sign-ins; giving up.`, { cause });
    }
    authorizations += 1;
    const redirectedTo = await options.authorize(request);
    await options.finishAuth(await provider.completeAuthorization(redirectedTo));
  };
  if (options.fetch && (await refreshIfExpiring(provider, options.fetch)) === 'needs-authorization') {
    await authorizeOnce(new UnauthorizedError('The token expired and could not be refreshed.'));
  }
  for (;;) {
    try {
      return await operation();
    } catch (error) {
      if (refusedAfterStepUp(error)) {
        throw new OAuthFlowError('retry-limit', 'authorization-request', 'The server still answers 403 insufficient_scope after signing in with the scope it asked for; giving up.', { cause: error });
      }
      if (!(error instanceof UnauthorizedError)) throw error;
      await authorizeOnce(error);
    }
  }
}

/**
 * The SDK transport's own loop guard: the same 403 `insufficient_scope` challenge again after a
 * step-up (`StreamableHTTPError` 403 "…after trying upscoping").
 */
function refusedAfterStepUp(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 403 && /upscoping/i.test((error as Error).message);
}

/** `finishAuth` of either SDK transport (both have one); the wrappers around them forward it. */
export function finishTransportAuth(transport: Transport, code: string): Promise<void> {
  const finish = (transport as { finishAuth?: (code: string) => Promise<void> }).finishAuth;
  if (typeof finish !== 'function') throw new Error('This transport cannot complete an OAuth authorization.');
  return finish.call(transport, code);
}

/** Runs requests on one live connection, each under {@link withAuthorizationRetry}. */
export type AuthorizedRequester = <T>(request: () => Promise<T>) => Promise<T>;

/**
 * The wrapper a session puts around every request of a live connection (tools/list,
 * tools/call…), so a 401 or a step-up 403 in the middle of a conversation signs in on the same
 * transport and retries, exactly as at connect time.
 */
export function authorizedRequester(transport: Transport, options: Omit<AuthorizationRetryOptions, 'finishAuth'>): AuthorizedRequester {
  return (request) => withAuthorizationRetry(request, { ...options, finishAuth: (code) => finishTransportAuth(transport, code) });
}
