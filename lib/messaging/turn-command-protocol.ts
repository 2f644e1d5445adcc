import { z } from 'zod';
import { SystemPromptSchema } from '../contract/system-prompt';

const TurnCommandSchema = z.object({ conversationId: z.string(), panelSessionId: z.string().optional() });

/**
 * Commands that change what the model is asked, beside the chat's own: the conversation's system
 * prompt, Regenerate and Edit & Resend. Each replaced turn is kept on the conversation (and in its
 * export), never deleted outright.
 */
export const turnCommandProtocol = {
  /** Sets the conversation's system prompt (empty clears it); the next model request sends it. */
  'chat.setSystemPrompt': { request: z.object({ conversationId: z.string(), systemPrompt: SystemPromptSchema }), response: z.object({}) },
  /** Asks the model again from the last user message; the old answer is kept in `replacedTurns`. */
  'chat.regenerate': { request: TurnCommandSchema, response: z.object({}) },
  /** Replaces the last user message with `text` and asks again; the old turn is kept in `replacedTurns`. */
  'chat.editLast': { request: TurnCommandSchema.extend({ text: z.string().trim().min(1) }), response: z.object({}) },
} satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;
