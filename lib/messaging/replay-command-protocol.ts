import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

/** The chat call a replay starts from: its conversation (the audit files the replay there) and its id. */
export const ReplaySourceSchema = z.object({ conversationId: z.string(), callId: z.string() });

const ReplayCallSchema = z.object({
  connectorId: z.string(),
  toolName: z.string(),
  /** A fresh id the panel made for this replay; never the original call's. */
  callId: z.string().min(1),
  replayOf: ReplaySourceSchema,
  args: z.record(z.string(), z.unknown()),
});

/**
 * Replay of a chat call from the Run dialog. A hand run is the person's own act, but a replay
 * re-sends what a model chose, so a write tool asks first: `replay.decide` records the answer
 * (audited like the chat's), and `replay.run` sends only a call that was approved with exactly
 * that input, once.
 */
export const replayCommandProtocol = {
  /** Whether a replay of this tool must be approved first (the chat's rule: not read-only, or the connector asks always). */
  'replay.policy': {
    request: z.object({ connectorId: z.string(), toolName: z.string() }),
    response: z.object({ needsApproval: z.boolean(), risk: z.enum(['read-only', 'write', 'destructive']) }),
  },
  'replay.decide': { request: ReplayCallSchema.extend({ decision: z.enum(['allow', 'deny']) }), response: z.object({}) },
  /** Sends the replay like a hand run (progress, Stop, capped result, audit), once the policy is met. */
  'replay.run': {
    request: ReplayCallSchema,
    response: z.object({ result: CallToolResultSchema, totalBytes: z.number().int().nonnegative(), truncated: z.boolean(), durationMs: z.number().nonnegative() }),
  },
} satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;
