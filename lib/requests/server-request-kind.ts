import type { ServerRequestRow } from '../contract/server-request';
import type { ServerRequestSettlement } from '../contract/server-request-reply';

/**
 * What follows a person's answer: the request ends now with this settlement, or it moves on to a
 * next status (sampling: approved, then an answer to review), or the kind's handler already did
 * what it needed through the broker (`none`).
 */
export type ServerRequestStep =
  | { type: 'settle'; settlement: ServerRequestSettlement }
  | { type: 'advance'; patch: Partial<Pick<ServerRequestRow, 'status' | 'draft' | 'reason'>> }
  | { type: 'none' };

/**
 * One kind of server request's own rules (elicitation, sampling): how a person's answer, as the
 * panel sent it, is parsed and checked against the stored request. Throw `ServerRequestError`
 * ('invalid-answer') for an answer that does not fit: the request stays open, nothing is lost.
 */
export interface ServerRequestKindHandler {
  answer(row: ServerRequestRow, answer: Record<string, unknown>): Promise<ServerRequestStep>;
}
