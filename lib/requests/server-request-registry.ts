import type { ServerRequestKind } from '../contract/server-request';
import type { ServerRequestKindHandler } from './server-request-kind';
import type { ServerRequestRegistrar } from './serve-server-requests';

/** What the kinds' answer handlers may need from the browser (URL elicitation opens a tab). */
export interface ServerRequestKindDeps {
  /** Opens a URL in a new tab; called only when the person clicked **Open**. */
  openTab(url: string): Promise<void>;
}

/**
 * Every kind of server request Patchbay answers, one line each: its SDK handlers (registrars) and
 * the rules for the person's answer (kind handlers). Elicitation and sampling each add theirs.
 */
export function serverRequestRegistrars(): ServerRequestRegistrar[] {
  return [];
}

export function serverRequestKinds(_deps: ServerRequestKindDeps): Array<[ServerRequestKind, ServerRequestKindHandler]> {
  return [];
}
