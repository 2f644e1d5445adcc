import type { PatchbayDatabase } from '../db/database';
import type { ServerRequestsRepository } from '../db/repositories/server-requests-repository';
import { CallsInFlight } from './calls-in-flight';
import { UrlCompletions } from './elicitation/url-completions';
import { urlElicitationRetry, type UrlElicitationRetry } from './elicitation/url-elicitation-retry';
import { locateRequest } from './locate-request';
import { ServerRequestBroker } from './server-request-broker';
import { serveServerRequests, type ServeServerRequests } from './serve-server-requests';
import { serverRequestKinds, serverRequestRegistrars } from './server-request-registry';
import { usedInConversation } from './used-in-conversation';

/** The background's server-request machinery, made once the database is open. */
export interface ServerRequests {
  broker: ServerRequestBroker;
  /** Calls under way per connector: the hub lists each call here (see `ConnectorHubDeps.callsInFlight`). */
  inFlight: CallsInFlight;
  /** For the hub: sets every kind's handlers on each new SDK client. */
  serveRequests: ServeServerRequests;
  /** For the hub: the -32042 flow around each tool call. */
  urlElicitationRetry: UrlElicitationRetry;
}

export interface ServerRequestsOptions {
  /** Opens a URL in a new tab; called only when the person clicked **Open**. */
  openTab(url: string): Promise<void>;
}

export function createServerRequests(db: PatchbayDatabase, requests: ServerRequestsRepository, { openTab }: ServerRequestsOptions): ServerRequests {
  const inFlight = new CallsInFlight();
  const completions = new UrlCompletions(requests);
  const broker = new ServerRequestBroker({ requests, locate: (connectorId) => locateRequest(connectorId, { inFlight, usedInConversation: usedInConversation(db) }) });
  const deps = { requests, completions, openTab };
  for (const [kind, handler] of serverRequestKinds(deps)) broker.register(kind, handler);
  return { broker, inFlight, serveRequests: serveServerRequests(broker, serverRequestRegistrars(deps)), urlElicitationRetry: urlElicitationRetry(broker, completions) };
}
