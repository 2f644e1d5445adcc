import type { ServerRequestKind } from '../contract/server-request';
import { declineServerRequests } from '../mcp/session/decline-server-requests';
import type { SamplingModel } from '../llm/sampling/sampling-model';
import { SamplingRateLimit } from '../sampling/sampling-rate-limit';
import { SamplingService } from '../sampling/sampling-service';
import type { ServerRequestBroker } from './server-request-broker';
import type { ServerRequestKindHandler } from './server-request-kind';
import type { ServerRequestRegistrar } from './serve-server-requests';
import { samplingKind } from './sampling/sampling-kind';
import { samplingRegistrar } from './sampling/register-sampling';

/** What the kinds' answer handlers may need from the browser (URL elicitation opens a tab). */
export interface ServerRequestKindDeps {
  /** Opens a URL in a new tab; called only when the person clicked **Open**. */
  openTab(url: string): Promise<void>;
  /** Sampling: the model the person configured in Settings, read at each **Approve**. */
  samplingModel(): Promise<SamplingModel>;
}

/**
 * Every kind of server request Patchbay answers, one line each: its SDK handlers (registrars) and
 * the rules for the person's answer (kind handlers). Elicitation and sampling each add theirs.
 */
export function serverRequestRegistrars(): ServerRequestRegistrar[] {
  // Elicitation keeps the product's decline until its own registrar replaces this line.
  return [(client) => declineServerRequests(client), samplingRegistrar(new SamplingRateLimit())];
}

export function serverRequestKinds(deps: ServerRequestKindDeps, broker: () => Pick<ServerRequestBroker, 'advance' | 'settle'>): Array<[ServerRequestKind, ServerRequestKindHandler]> {
  return [['sampling', samplingKind(new SamplingService({ model: deps.samplingModel }), broker)]];
}
