import { z } from 'zod';
import { ServerRequestAnswerInputSchema } from '../contract/server-request-reply';

/**
 * The person's answers to server requests (elicitation, sampling). The panel lists the requests
 * from IndexedDB (live queries, `lib/db/server-request-queries`); every answer goes through here,
 * and the background judges it against the stored request before anything reaches the server.
 */
export const serverRequestCommandProtocol = {
  /**
   * An answer to one request; `answer` is the kind's own (elicitation: `{ action, content? }`,
   * see `ElicitationAnswerSchema`), parsed by that kind's handler. Refused with `request-settled`
   * when it already ended, `invalid-answer` when it does not fit the request.
   */
  'serverRequests.answer': { request: ServerRequestAnswerInputSchema, response: z.object({}) },
} satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;
