import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { FetchLike, Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { isConnectorOAuthProvider } from '../../auth/connector-oauth-types';
import { guardedAuthFetch } from '../../auth/guarded-fetch';
import { observeChallenges } from '../../auth/observe-challenges';
import { routeAuthRequests } from '../../auth/route-auth-requests';
import { failUnansweredStreams } from './fail-unanswered-streams';

/** The two wire protocols a remote server may speak. */
export type WireProtocol = 'streamable-http' | 'sse';

export interface TransportOptions {
  url: string;
  fetch: FetchLike;
  /** Sent with every request: the connector's credentials. */
  headers: Record<string, string>;
  /** A session to resume (Streamable HTTP only). */
  sessionId?: string;
  /**
   * OAuth for this connector. The SDK transport adds its token only to requests to its own
   * server URL, answers 401 and 403 `insufficient_scope` by running the flow, and sends the
   * flow's own requests through the guarded fetch.
   */
  authProvider?: OAuthClientProvider;
}

/** A fresh SDK transport for one protocol; all traffic goes through `fetch`, so it is recorded. */
export function createTransport(protocol: WireProtocol, options: TransportOptions): Transport {
  const url = new URL(options.url);
  const requestInit: RequestInit = { headers: options.headers };
  const { authProvider } = options;
  const fetch = authProvider ? withGuardedAuthRequests(options.fetch, authProvider, options.url) : options.fetch;
  switch (protocol) {
    case 'streamable-http':
      return new StreamableHTTPClientTransport(url, {
        fetch: failUnansweredStreams(fetch),
        requestInit,
        authProvider,
        sessionId: options.sessionId,
        reconnectionOptions: {
          initialReconnectionDelay: 1_000,
          maxReconnectionDelay: 30_000,
          reconnectionDelayGrowFactor: 1.5,
          maxRetries: 5,
        },
      });
    case 'sse':
      // The SDK sends requestInit's headers on the event stream's GET too.
      return new SSEClientTransport(url, { fetch, requestInit, authProvider });
  }
}

function withGuardedAuthRequests(fetch: FetchLike, provider: OAuthClientProvider, serverUrl: string): FetchLike {
  if (!isConnectorOAuthProvider(provider)) return routeAuthRequests(fetch, guardedAuthFetch(fetch, undefined, { serverUrl }));
  return routeAuthRequests(observeChallenges(fetch, provider), provider.guardFetch(fetch));
}
