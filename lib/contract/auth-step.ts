import { z } from 'zod';

/**
 * One step of an OAuth flow as the auth debugger shows it: which URL was asked, what came back,
 * what was decided — and when it failed, the precise reason. Stored and sent to the panel as is.
 */
export const AuthStepSchema = z.object({
  /** Epoch milliseconds. */
  at: z.number(),
  /** e.g. `protected-resource-metadata`, `authorization-server-metadata`, `client-registration`, `token`. */
  step: z.string(),
  url: z.string().optional(),
  status: z.number().optional(),
  outcome: z.enum(['ok', 'failed', 'skipped']),
  /** What came back / what was decided, or the precise reason it failed. */
  detail: z.string(),
});
export type AuthStep = z.infer<typeof AuthStepSchema>;
