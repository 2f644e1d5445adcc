import type { PatchbayDatabase } from '../db/database';
import type { ServerRequestsRepository } from '../db/repositories/server-requests-repository';
import { CallsInFlight } from './calls-in-flight';
import { locateRequest } from './locate-request';
import { ServerRequestBroker } from './server-request-broker';
import { serveServerRequests, type ServeServerRequests } from './serve-server-requests';
import { serverRequestKinds, serverRequestRegistrars, type ServerRequestKindDeps } from './server-request-registry';
import { usedInConversation } from './used-in-conversation';

/** The background's server-request machinery, made once the database is open. */
export interface ServerRequests {
  broker: ServerRequestBroker;
  /** Calls under way per connector: the hub lists each call here (see `ConnectorHubDeps.callsInFlight`). */
  inFlight: CallsInFlight;
  /** For the hub: sets every kind's handlers on each new SDK client. */
  serveRequests: ServeServerRequests;
}

export function createServerRequests(db: PatchbayDatabase, requests: ServerRequestsRepository, kindDeps: ServerRequestKindDeps): ServerRequests {
  const inFlight = new CallsInFlight();
  const broker = new ServerRequestBroker({ requests, locate: (connectorId) => locateRequest(connectorId, { inFlight, usedInConversation: usedInConversation(db) }) });
  for (const [kind, handler] of serverRequestKinds(kindDeps, () => broker)) broker.register(kind, handler);
  return { broker, inFlight, serveRequests: serveServerRequests(broker, serverRequestRegistrars()) };
}
