import { CreateMessageResultWithToolsSchema } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

/** How much harm a tool call can do by the server's claims, as the chat's approval cards say it. */
export const SamplingToolRiskSchema = z.enum(['read-only', 'write', 'destructive']);

/**
 * One tool the model wants the *server* to run (Patchbay never runs a sampling tool itself): the
 * card shows the tool, its input and its risk, and the answer goes back only on **Send to server**.
 * `problems` (unknown tool, input that breaks its schema) keep Send disabled until fixed.
 */
export const SamplingToolUseSchema = z.object({
  id: z.string(),
  name: z.string(),
  input: z.record(z.string(), z.unknown()),
  risk: SamplingToolRiskSchema,
  /** The server's description of the tool, its words (plain text). */
  description: z.string(),
  problems: z.array(z.string()),
});
export type SamplingToolUse = z.infer<typeof SamplingToolUseSchema>;

/**
 * The model's answer held for review, as the row's `draft`: `result` is exactly what **Send to
 * server** sends if the person changes nothing (a `CreateMessageResult`, with tools or without).
 */
export const SamplingDraftSchema = z.object({
  result: CreateMessageResultWithToolsSchema,
  toolUses: z.array(SamplingToolUseSchema),
  /** Whether the request offered tools: without, the result must be a single text block. */
  withTools: z.boolean(),
});
export type SamplingDraft = z.infer<typeof SamplingDraftSchema>;

/**
 * What the person sends after review: the answer's text as they left it, and each tool use's
 * input (by id) as they edited it. The background rebuilds the result and checks it again.
 */
export const SamplingEditSchema = z.object({
  text: z.string().max(1_000_000),
  toolInputs: z.record(z.string(), z.record(z.string(), z.unknown())),
});
export type SamplingEdit = z.infer<typeof SamplingEditSchema>;
