import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { FetchLike, Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
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
}

/** A fresh SDK transport for one protocol; all traffic goes through `fetch`, so it is recorded. */
export function createTransport(protocol: WireProtocol, options: TransportOptions): Transport {
  const url = new URL(options.url);
  const requestInit: RequestInit = { headers: options.headers };
  switch (protocol) {
    case 'streamable-http':
      return new StreamableHTTPClientTransport(url, {
        fetch: failUnansweredStreams(options.fetch),
        requestInit,
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
      return new SSEClientTransport(url, { fetch: options.fetch, requestInit });
  }
}
