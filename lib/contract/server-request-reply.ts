import { z } from 'zod';
import { ServerRequestOutcomeSchema } from './server-request';

/**
 * What goes back to the server for one request: a JSON-RPC `result`, or a JSON-RPC `error` (a
 * sampling request the person denied is an error, an elicitation they declined is a result).
 */
export const ServerRequestReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), result: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('error'), code: z.number().int(), message: z.string() }),
]);
export type ServerRequestReply = z.infer<typeof ServerRequestReplySchema>;

/**
 * How a request ends: the outcome the card and the audit show, what is sent to the server, and,
 * when nobody chose it (expired, lost, refused), why.
 */
export const ServerRequestSettlementSchema = z.object({
  outcome: ServerRequestOutcomeSchema,
  reply: ServerRequestReplySchema,
  reason: z.string().optional(),
  /** Nothing reaches the server (it stopped waiting, or the worker that held it died): no response is stored. */
  unsent: z.boolean().optional(),
});
export type ServerRequestSettlement = z.infer<typeof ServerRequestSettlementSchema>;

/**
 * The person's answer as the panel sends it: the request's id and the kind's own answer, which
 * the kind's handler in the background parses with its own schema (elicitation: accept, decline
 * or cancel with content; sampling: approve, deny, send, discard).
 */
export const ServerRequestAnswerInputSchema = z.object({
  id: z.string().min(1),
  answer: z.record(z.string(), z.unknown()),
});
export type ServerRequestAnswerInput = z.infer<typeof ServerRequestAnswerInputSchema>;

/**
 * Why an answer to a server request was refused: no such request, it already ended (expired, or
 * answered in another panel), or the answer does not fit the request (a form that fails its schema).
 */
export const ServerRequestErrorCodeSchema = z.enum(['request-not-found', 'request-settled', 'invalid-answer']);
export type ServerRequestErrorCode = z.infer<typeof ServerRequestErrorCodeSchema>;
