import { array, boolean, optional, string } from '../contract/plain-checks';
import { asSchema, object, type ObjectOf } from '../contract/plain-object-checks';
import { MAX_SYSTEM_PROMPT_CHARS } from '../contract/system-prompt-limit';
import { CorruptRowError, parseRow } from './corrupt-row-error';
import type { PatchbayDatabase } from './database';

/**
 * What the chat's own screen shows of the open conversation (its title, connectors, system
 * prompt and what-if switch), checked as `ConversationRowSchema` checks those fields, without the
 * message schemas of its replaced turns and without zod, so the first screen builds neither
 * (conversation-head.test.ts holds it to that schema's verdicts).
 */
const headShape = {
  id: string(),
  title: string(),
  connectorIds: array(string()),
  whatIf: optional(boolean),
  systemPrompt: optional(string({ max: MAX_SYSTEM_PROMPT_CHARS })),
};
export const ConversationHeadSchema = asSchema(object(headShape));
export type ConversationHead = ObjectOf<typeof headShape>;

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
