import type { ServerRequestKind } from '../contract/server-request';
import type { SamplingModel } from '../llm/sampling/sampling-model';
import { SamplingRateLimit } from '../sampling/sampling-rate-limit';
import { SamplingService, type SamplingServiceDeps } from '../sampling/sampling-service';
import type { ServerRequestBroker } from './server-request-broker';
import type { ServerRequestsRepository } from '../db/repositories/server-requests-repository';
import { elicitationFormAnswers, elicitationUrlAnswers } from './elicitation/elicitation-answers';
import { elicitationRegistrar } from './elicitation/register-elicitation';
import type { UrlCompletions } from './elicitation/url-completions';
import type { ServerRequestKindHandler } from './server-request-kind';
import type { ServerRequestRegistrar } from './serve-server-requests';
import { samplingKind } from './sampling/sampling-kind';
import { samplingRegistrar } from './sampling/register-sampling';

/** What the kinds may need: the stored requests, URL completions, and a tab to open. */
export interface ServerRequestKindDeps {
  requests: ServerRequestsRepository;
  completions: UrlCompletions;
  /** Opens a URL in a new tab; called only when the person clicked **Open**. */
  openTab(url: string): Promise<void>;
  /** Sampling: the model the person configured in Settings, read at each **Approve**. */
  samplingModel(): Promise<SamplingModel>;
  /** Sampling: the conversation's tool calls, for an `includeContext` the person allowed. */
  samplingContext?: SamplingServiceDeps['context'];
  /** Sampling moves its request on while the model answers, and settles it after. */
  broker(): Pick<ServerRequestBroker, 'advance' | 'settle'>;
}

/**
 * Every kind of server request Patchbay answers, one line each: its SDK handlers (registrars) and
 * the rules for the person's answer (kind handlers). Elicitation and sampling each add theirs.
 */
export function serverRequestRegistrars(deps: ServerRequestKindDeps): ServerRequestRegistrar[] {
  return [elicitationRegistrar(deps.completions), samplingRegistrar(new SamplingRateLimit())];
}

export function serverRequestKinds(deps: ServerRequestKindDeps): Array<[ServerRequestKind, ServerRequestKindHandler]> {
  return [
    ['elicitation-form', elicitationFormAnswers],
    ['elicitation-url', elicitationUrlAnswers(deps.openTab)],
    ['sampling', samplingKind(new SamplingService({ model: deps.samplingModel, context: deps.samplingContext }), deps.broker)],
  ];
}
