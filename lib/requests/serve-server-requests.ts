import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { CancelledNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import type { ServerRequestBroker } from './server-request-broker';

/** The connector a client belongs to, read when a request arrives (a rename shows at once). */
export interface ConnectorRef {
  id: string;
  label: string;
  url: string;
}

/** The part of an SDK request handler's `extra` the broker needs. */
export interface RequestExtra {
  signal: AbortSignal;
  requestId: string | number;
}

/** What a kind's registrar gets: the broker to hand requests to, whose client this is, and cancellation. */
export interface ServerRequestContext {
  broker: ServerRequestBroker;
  connector(): ConnectorRef;
  /**
   * Runs a handler with a signal that aborts when the server cancels the request or the
   * connection closes. Use it, not `extra.signal` alone: SDK 1.32.2 ignores a cancellation of
   * request id 0 (`if (!requestId) return`), and 0 is the first id a server's SDK sends.
   */
  cancellable<T>(extra: RequestExtra, run: (signal: AbortSignal) => Promise<T>): Promise<T>;
}

/**
 * Sets one kind's SDK request (and notification) handlers on a fresh client: elicitation in
 * lib/requests/elicitation, sampling beside it. Each hands its requests to the broker.
 */
export type ServerRequestRegistrar = (client: Client, context: ServerRequestContext) => void;

/** How a session prepares each new SDK client for server requests (see `ConnectorSessionDeps`). */
export type ServeServerRequests = (client: Client, connector: () => ConnectorRef) => void;

interface CancelsRequests {
  _oncancel?(notification: unknown): unknown;
}

/** Every registrar's handlers on every client, all over the one broker. */
export function serveServerRequests(broker: ServerRequestBroker, registrars: readonly ServerRequestRegistrar[]): ServeServerRequests {
  return (client, connector) => {
    const cancels = new Map<string | number, AbortController>();
    client.setNotificationHandler(CancelledNotificationSchema, (notification) => {
      const { requestId, reason } = notification.params;
      if (requestId !== undefined) cancels.get(requestId)?.abort(reason);
      // What the SDK's own handler did (it aborts the handlers of every other id).
      void (client as unknown as CancelsRequests)._oncancel?.(notification);
    });
    const cancellable = async <T>(extra: RequestExtra, run: (signal: AbortSignal) => Promise<T>): Promise<T> => {
      const own = new AbortController();
      cancels.set(extra.requestId, own);
      try {
        return await run(AbortSignal.any([extra.signal, own.signal]));
      } finally {
        if (cancels.get(extra.requestId) === own) cancels.delete(extra.requestId);
      }
    };
    for (const register of registrars) register(client, { broker, connector, cancellable });
  };
}
