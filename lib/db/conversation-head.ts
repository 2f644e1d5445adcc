import { z } from 'zod';
import { SystemPromptSchema } from '../contract/system-prompt';
import { CorruptRowError, parseRow } from './corrupt-row-error';
import type { PatchbayDatabase } from './database';

/**
 * What the chat's own screen shows of the open conversation (its title, connectors, system
 * prompt and what-if switch), checked as `ConversationRowSchema` checks those fields, without the
 * message schemas of its replaced turns, so the first screen does not build them.
 */
export const ConversationHeadSchema = z.object({
  id: z.string(),
  title: z.string(),
  connectorIds: z.array(z.string()),
  whatIf: z.boolean().optional(),
  systemPrompt: SystemPromptSchema.optional(),
});
export type ConversationHead = z.infer<typeof ConversationHeadSchema>;

/** The open conversation: `head` (null when it is gone), or why its stored row cannot be shown. */
export type ConversationHeadRead = { head: ConversationHead | null } | { damaged: string };

export async function readConversationHead(db: PatchbayDatabase, id: string): Promise<ConversationHeadRead> {
  const row = await db.conversations.get(id);
  if (row === undefined) return { head: null };
  try {
    return { head: parseRow('conversations', ConversationHeadSchema, row) };
  } catch (error) {
    if (error instanceof CorruptRowError) return { damaged: `This conversation cannot be opened: its stored row is damaged (${error.issues}). Delete it from the list, or import an export of it.` };
    throw error;
  }
}
