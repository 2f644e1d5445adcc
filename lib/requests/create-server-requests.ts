import type { PatchbayDatabase } from '../db/database';
import { ModelNotConfiguredError } from '../chat/run-errors';
import type { SamplingModel } from '../llm/sampling/sampling-model';
import type { ServerRequestsRepository } from '../db/repositories/server-requests-repository';
import { CallsInFlight } from './calls-in-flight';
import { UrlCompletions } from './elicitation/url-completions';
import { urlElicitationRetry, type UrlElicitationRetry } from './elicitation/url-elicitation-retry';
import { locateRequest } from './locate-request';
import { conversationContext } from '../sampling/sampling-context';
import { ServerRequestBroker } from './server-request-broker';
import { RequestPruner } from './request-pruner';
import { ServerRequestRetention, type RequestRetentionPolicy } from '../db/repositories/server-request-retention';
import { ServerRequestAuditRetention } from '../db/repositories/server-request-audit-retention';
import { serveServerRequests, type ServeServerRequests } from './serve-server-requests';
import { serverRequestKinds, serverRequestRegistrars } from './server-request-registry';
import { usedInConversation } from './used-in-conversation';

/** The background's server-request machinery, made once the database is open. */
export interface ServerRequests {
  broker: ServerRequestBroker;
  /** Keeps settled requests bounded: after settlements, batched, and once at wake (`atWake`). */
  pruner: RequestPruner;
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
  /** Sampling: the model the person configured in Settings, read at each **Approve** (none: Approve says so). */
  samplingModel?(): Promise<SamplingModel>;
  /** How much settled history is kept (the default's numbers in production; tests shrink them). */
  retention?: RequestRetentionPolicy;
  /** Server-request audit entries kept per connector (`AUDITED_REQUESTS_PER_CONNECTOR`; tests shrink it). */
  auditedPerConnector?: number;
}

export function createServerRequests(db: PatchbayDatabase, requests: ServerRequestsRepository, { openTab, samplingModel = noModel, retention, auditedPerConnector }: ServerRequestsOptions): ServerRequests {
  const inFlight = new CallsInFlight();
  const completions = new UrlCompletions(requests);
  const pruner = new RequestPruner(new ServerRequestRetention(db, retention), { audit: new ServerRequestAuditRetention(db, auditedPerConnector) });
  const broker = new ServerRequestBroker({
    requests,
    locate: (connectorId) => locateRequest(connectorId, { inFlight, usedInConversation: usedInConversation(db) }),
    onSettled: (row) => pruner.settled(row),
  });
  const deps = { requests, completions, openTab, samplingModel, samplingContext: conversationContext(db), broker: () => broker };
  for (const [kind, handler] of serverRequestKinds(deps)) broker.register(kind, handler);
  return { broker, pruner, inFlight, serveRequests: serveServerRequests(broker, serverRequestRegistrars(deps)), urlElicitationRetry: urlElicitationRetry(broker, completions) };
}

async function noModel(): Promise<SamplingModel> {
  throw new ModelNotConfiguredError('No model is set up for sampling here.');
}
