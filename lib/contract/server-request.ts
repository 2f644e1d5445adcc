import { z } from 'zod';

/**
 * Where a server's request came from, so the panel shows it beside what caused it: under the chat
 * call that was running, in the Run dialog of a hand run, or at the top of the Chat tab when it
 * came outside any call (then `conversationId` is the conversation open at the time, if any).
 */
export const ServerRequestOriginSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('chat-call'), conversationId: z.string(), callId: z.string() }),
  z.object({ type: z.literal('hand-run'), callId: z.string() }),
  z.object({ type: z.literal('none'), conversationId: z.string().nullable() }),
]);
export type ServerRequestOrigin = z.infer<typeof ServerRequestOriginSchema>;

/** What the server asked for: a form, a URL to visit, or a completion from the user's model. */
export const ServerRequestKindSchema = z.enum(['elicitation-form', 'elicitation-url', 'sampling']);
export type ServerRequestKind = z.infer<typeof ServerRequestKindSchema>;

/**
 * Where the request stands. `pending` waits for the person; `sampling` means the person approved
 * and the model is answering; `review` holds the model's answer until **Send to server** or
 * **Discard**; `done` is terminal and `outcome` says how it ended.
 */
export const ServerRequestStatusSchema = z.enum(['pending', 'sampling', 'review', 'done']);
export type ServerRequestStatus = z.infer<typeof ServerRequestStatusSchema>;

/**
 * How a request ended. `expired`: the server gave up (it cancelled, or its timeout passed) before
 * anyone answered. `lost`: the worker restarted while it waited, so it was answered `cancel` (or
 * could no longer be answered) and the reason is recorded. Never silently dropped.
 */
export const ServerRequestOutcomeSchema = z.enum([
  'accepted',
  'declined',
  'cancelled',
  'expired',
  'lost',
  'refused',
  'sampled',
  'denied',
  'discarded',
]);
export type ServerRequestOutcome = z.infer<typeof ServerRequestOutcomeSchema>;

/**
 * One request a server sent to Patchbay (elicitation or sampling), stored so the panel can show it
 * and the person can answer it, and so a worker restart cannot lose it. `params` are the request's
 * params as the SDK validated them on arrival; they are the server's words, untrusted: shown as
 * plain text, never rendered as markup, never acted on without the person.
 */
export const ServerRequestRowSchema = z.object({
  id: z.string(),
  connectorId: z.string(),
  connectorLabel: z.string(),
  kind: ServerRequestKindSchema,
  params: z.record(z.string(), z.unknown()),
  origin: ServerRequestOriginSchema,
  /** The conversation it is shown in (null for a hand run), indexed with `receivedAt`. */
  conversationId: z.string().nullable(),
  /** The person had not used this connector in the conversation before it asked: the card says so. */
  unfamiliar: z.boolean(),
  receivedAt: z.number(),
  status: ServerRequestStatusSchema,
  outcome: ServerRequestOutcomeSchema.optional(),
  /** Why it ended as it did, in words for the card and the audit (expired, lost, refused…). */
  reason: z.string().optional(),
  /** What was sent back to the server (the JSON-RPC result), once it was. */
  response: z.record(z.string(), z.unknown()).optional(),
  /** Sampling: the model's answer held for review (editable before it is sent). */
  draft: z.record(z.string(), z.unknown()).optional(),
  answeredAt: z.number().optional(),
  /** The tool whose call caused it (when the origin is a call), for the card and the audit. */
  toolName: z.string().optional(),
  /** The JSON-RPC id the server gave the request, so the protocol log and the audit can be matched. */
  rpcRequestId: z.union([z.string(), z.number()]).optional(),
  /** The host of the connector's server when it asked, so a URL card can warn about a link to another domain. */
  serverHost: z.string().optional(),
  /** URL elicitation: when the server said (`notifications/elicitation/complete`) that it is complete. */
  completedAt: z.number().optional(),
});
export type ServerRequestRow = z.infer<typeof ServerRequestRowSchema>;
