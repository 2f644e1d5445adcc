import { z } from 'zod';
import { ConnectorErrorCodeSchema } from './connector-status';
import { ServerRequestErrorCodeSchema } from './server-request-reply';

/** Why a run command could not be carried out; the UI turns `code` into text in one place. */
export const RunErrorCodeSchema = z.enum([
  'conversation-not-found',
  'approval-not-found',
  'already-decided',
  'model-not-configured',
  'nothing-to-retry',
  'nothing-to-continue',
  'nothing-to-replace',
  'invalid-edited-arguments',
  'tool-changed',
  'attachments-refused',
]);
export type RunErrorCode = z.infer<typeof RunErrorCodeSchema>;

/** Why an OAuth flow stopped; the UI maps each code to advice, the auth debugger shows the message. */
export const OAuthErrorCodeSchema = z.enum([
  'unsafe-url',
  'pkce-unsupported',
  'state-mismatch',
  'issuer-mismatch',
  'authorization-denied',
  'missing-code',
  'needs-authorization',
  'too-many-redirects',
  'retry-limit',
  'flow-failed',
]);
export type OAuthErrorCode = z.infer<typeof OAuthErrorCodeSchema>;

/** What went wrong talking to the model, one code per thing the user can act on. */
export const ModelErrorCodeSchema = z.enum([
  'bad-key',
  'model-not-found',
  'rate-limited',
  'context-too-long',
  'network-down',
  'cancelled',
  'bad-model-output',
  'request-failed',
]);
export type ModelErrorCode = z.infer<typeof ModelErrorCodeSchema>;

/** Codes of single named errors that have no family: each class carries its one code. */
export const SingleErrorCodeSchema = z.enum(['authorization-cancelled', 'invalid-import', 'total-deadline', 'result-not-found', 'page-unreadable']);

/**
 * Every code a named error thrown by a command handler may carry. The router passes a listed code
 * through to the panel as is, so the panel can branch on it; anything else arrives as `failed`.
 */
export const HandlerErrorCodeSchema = z.enum([
  ...RunErrorCodeSchema.options,
  ...OAuthErrorCodeSchema.options,
  ...ModelErrorCodeSchema.options,
  ...ConnectorErrorCodeSchema.options,
  ...SingleErrorCodeSchema.options,
  ...ServerRequestErrorCodeSchema.options,
]);
export type HandlerErrorCode = z.infer<typeof HandlerErrorCodeSchema>;

/** The command layer's own refusals and failures: sent by the router, or made by the client. */
export const TransportErrorCodeSchema = z.enum(['bad-request', 'unknown-command', 'forbidden-sender', 'failed', 'no-background', 'bad-reply']);

/**
 * The closed union a command error carries across the boundary: the command layer's own codes and
 * every handler error's. The panel branches on these, never on message text.
 */
export const CommandErrorCodeSchema = z.enum([...TransportErrorCodeSchema.options, ...HandlerErrorCodeSchema.options]);
export type CommandErrorCode = z.infer<typeof CommandErrorCodeSchema>;
