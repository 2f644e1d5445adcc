import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { ServerRequestBroker } from './server-request-broker';

/** The connector a client belongs to, read when a request arrives (a rename shows at once). */
export interface ConnectorRef {
  id: string;
  label: string;
  url: string;
}

/** What a kind's registrar gets: the broker to hand requests to, and whose client this is. */
export interface ServerRequestContext {
  broker: ServerRequestBroker;
  connector(): ConnectorRef;
}

/**
 * Sets one kind's SDK request (and notification) handlers on a fresh client: elicitation in
 * lib/requests/elicitation, sampling beside it. Each hands its requests to the broker.
 */
export type ServerRequestRegistrar = (client: Client, context: ServerRequestContext) => void;

/** How a session prepares each new SDK client for server requests (see `ConnectorSessionDeps`). */
export type ServeServerRequests = (client: Client, connector: () => ConnectorRef) => void;

/** Every registrar's handlers on every client, all over the one broker. */
export function serveServerRequests(broker: ServerRequestBroker, registrars: readonly ServerRequestRegistrar[]): ServeServerRequests {
  return (client, connector) => {
    for (const register of registrars) register(client, { broker, connector });
  };
}
