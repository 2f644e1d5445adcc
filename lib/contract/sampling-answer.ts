import { z } from 'zod';
import { SamplingEditSchema } from './sampling-draft';

/**
 * The person's answer to a sampling card, as the panel sends it in `serverRequests.answer`:
 * **Approve** (with the card's "include context" box, when the server asked for context),
 * **Deny**, then, once the model answered, **Send to server** with the reviewed answer, or **Discard**.
 */
export const SamplingAnswerSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve'), allowContext: z.boolean().default(false) }),
  z.object({ action: z.literal('deny') }),
  z.object({ action: z.literal('send'), edit: SamplingEditSchema }),
  z.object({ action: z.literal('discard') }),
]);
export type SamplingAnswer = z.input<typeof SamplingAnswerSchema>;
