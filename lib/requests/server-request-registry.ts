import type { ServerRequestKind } from '../contract/server-request';
import type { ServerRequestsRepository } from '../db/repositories/server-requests-repository';
import { elicitationFormAnswers, elicitationUrlAnswers } from './elicitation/elicitation-answers';
import { elicitationRegistrar } from './elicitation/register-elicitation';
import type { UrlCompletions } from './elicitation/url-completions';
import type { ServerRequestKindHandler } from './server-request-kind';
import type { ServerRequestRegistrar } from './serve-server-requests';

/** What the kinds may need: the stored requests, URL completions, and a tab to open. */
export interface ServerRequestKindDeps {
  requests: ServerRequestsRepository;
  completions: UrlCompletions;
  /** Opens a URL in a new tab; called only when the person clicked **Open**. */
  openTab(url: string): Promise<void>;
}

/**
 * Every kind of server request Patchbay answers, one line each: its SDK handlers (registrars) and
 * the rules for the person's answer (kind handlers). Elicitation and sampling each add theirs.
 */
export function serverRequestRegistrars(deps: ServerRequestKindDeps): ServerRequestRegistrar[] {
  return [elicitationRegistrar(deps.completions)];
}

export function serverRequestKinds(deps: ServerRequestKindDeps): Array<[ServerRequestKind, ServerRequestKindHandler]> {
  return [
    ['elicitation-form', elicitationFormAnswers],
    ['elicitation-url', elicitationUrlAnswers(deps.openTab)],
  ];
}
