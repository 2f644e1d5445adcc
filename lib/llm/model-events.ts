import { z } from 'zod';
import { ModelContextPartSchema } from './model-context';

/** Why the model stopped: `tool-calls` means it wants results before it goes on. */
export const FinishReasonSchema = z.enum(['stop', 'tool-calls', 'length', 'content-filter', 'other']);
export type FinishReason = z.infer<typeof FinishReasonSchema>;

/** A token count as an endpoint may report it: a finite number, never negative (rounded when stored). */
const TokenCountSchema = z.number().finite().nonnegative();

/**
 * One event of a model answer, the same for Chat Completions and Responses. Tool calls arrive
 * whole (their argument pieces joined), with `argsText` raw: it may not even parse. The model's
 * endpoint is untrusted: every event is parsed with this schema before the run engine acts on
 * it (see `parse-model-events.ts`). A call id is only checked to be text here: admission decides
 * what an empty or repeated one means.
 */
export const ModelEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text-delta'), text: z.string() }),
  z.object({ type: z.literal('reasoning-delta'), text: z.string() }),
  z.object({ type: z.literal('tool-call'), callId: z.string(), name: z.string().min(1, 'a tool call needs a name'), argsText: z.string() }),
  z.object({ type: z.literal('usage'), inputTokens: TokenCountSchema, outputTokens: TokenCountSchema }),
  z.object({ type: z.literal('finish'), reason: FinishReasonSchema }),
]);
export type ModelEvent = z.infer<typeof ModelEventSchema>;

/** A function the model may call; `name` is already provider-safe (see `tool-names.ts`). */
export const ModelToolDefinitionSchema = z.object({
  name: z.string(),
  description: z.string(),
  parameters: z.record(z.string(), z.unknown()),
});
export type ModelToolDefinition = z.infer<typeof ModelToolDefinitionSchema>;

/** The conversation as either API needs it, without the storage details. */
export const ModelMessageSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('system'), text: z.string() }),
  /** `context`: what the user attached, as marked data after their own words (see lib/chat/attachment-input). */
  z.object({ role: z.literal('user'), text: z.string(), context: z.array(ModelContextPartSchema).optional() }),
  z.object({
    role: z.literal('assistant'),
    text: z.string(),
    toolCalls: z.array(z.object({ callId: z.string(), name: z.string(), argsText: z.string() })),
  }),
  /** A tool's answer as data: text the model reads, never instructions from the user. */
  z.object({ role: z.literal('tool'), callId: z.string(), text: z.string() }),
]);
export type ModelMessage = z.infer<typeof ModelMessageSchema>;

export interface ModelRequest {
  messages: ModelMessage[];
  tools: ModelToolDefinition[];
}

/** One model endpoint; `stream` yields events until `finish`, or throws a `ModelError`. */
export interface ModelClient {
  stream(request: ModelRequest, signal: AbortSignal): AsyncIterable<ModelEvent>;
}
