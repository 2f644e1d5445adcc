import { CallToolResultSchema, ToolSchema } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { AppHostSchema } from './app-resource';

/** Why an app's call waits for the user: the same reasons, risk and claims the model's cards show. */
export const AppCallAskSchema = z.object({
  why: z.enum(['write', 'destructive', 'ask-always', 'definition-changed', 'app-page-changed', 'cross-connector-input']),
  risk: z.enum(['read-only', 'write', 'destructive']),
  claims: z.object({ readOnly: z.boolean(), destructive: z.boolean(), idempotent: z.boolean(), openWorld: z.boolean() }),
});

/** A `tools/call` an app sent through the host, with the card (chat call or hand run) it runs in. */
export const AppCallRequestSchema = z.object({
  host: AppHostSchema,
  toolName: z.string().min(1).max(200),
  args: z.record(z.string(), z.unknown()),
  panelSessionId: z.string().optional(),
});
export type AppCallRequest = z.infer<typeof AppCallRequestSchema>;

/**
 * The background's answer to an app's call: the tool's result (a refusal or a denial is an error
 * result the app reads), or a card to show first. `ask` holds the call in the background under
 * `appCallId` until `apps.decide`; nothing is sent before.
 */
export const AppCallAnswerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), result: CallToolResultSchema }),
  z.object({ type: z.literal('ask'), appCallId: z.string(), tool: ToolSchema, args: z.record(z.string(), z.unknown()), ask: AppCallAskSchema }),
]);
export type AppCallAnswer = z.infer<typeof AppCallAnswerSchema>;

/** The user's answer on an app call's card. */
export const AppCallDecisionSchema = z.object({
  appCallId: z.string(),
  decision: z.enum(['allow', 'deny']),
  remembered: z.boolean(),
  editedArgs: z.record(z.string(), z.unknown()).optional(),
  panelSessionId: z.string().optional(),
});
export type AppCallDecision = z.infer<typeof AppCallDecisionSchema>;
