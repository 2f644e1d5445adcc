import { z } from 'zod';
import type { PatchbayDatabase } from '../db/database';
import { ConversationsRepository } from '../db/repositories/conversations-repository';
import { MessagesRepository } from '../db/repositories/messages-repository';
import { ConversationRowSchema, MessageRowSchema } from '../db/rows';
import { MAX_IMPORT_BYTES } from '../contract/conversation-file';
import { attachmentsProblem } from '../contract/attachment-limits';
import { ConversationNotFoundError } from './run-errors';

export const EXPORT_FORMAT = 'patchbay.conversation';
/** Versions this build reads; a newer file is refused by name instead of being half understood. */
export const SUPPORTED_EXPORT_VERSIONS = [1] as const;
/** How many schema problems an error message names; the first few are enough to find the fault. */
const MAX_REPORTED_ISSUES = 3;

/**
 * One conversation as a self-contained file. The rows are stored as they are in IndexedDB, so an
 * export read back with `keepId` restores the conversation exactly (the Undo of a delete relies on
 * it). Importing lives in `conversation-import.ts`, out of the panel's bundle.
 */
export const ConversationExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  /** When the file was written; informative only, never read back into a row. */
  exportedAt: z.number(),
  conversation: ConversationRowSchema,
  /** In `seq` order; each row's `conversationId` is the conversation's id. */
  messages: z.array(MessageRowSchema),
});
export type ConversationExport = z.infer<typeof ConversationExportSchema>;

/** A file or payload that cannot be imported; the message says exactly why, for the user to read. */
export class ConversationImportError extends Error {
  override readonly name = 'ConversationImportError';
  readonly code = 'invalid-import';
}


/** Reads the conversation and all its messages in one transaction, so the file is a consistent snapshot. */
export async function exportConversation(db: PatchbayDatabase, conversationId: string): Promise<ConversationExport> {
  return db.transaction('r', db.conversations, db.messages, async () => {
    const conversation = await new ConversationsRepository(db).get(conversationId);
    if (!conversation) throw new ConversationNotFoundError(conversationId);
    const messages = await new MessagesRepository(db).history(conversationId);
    return {
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: Date.now(),
      conversation,
      messages,
    };
  });
}

export function serializeExport(data: ConversationExport): string {
  return JSON.stringify(data, null, 2);
}

/** Parses and validates a file's text; anything that would not import cleanly is refused here. */
export function parseConversationExport(text: string): ConversationExport {
  if (byteLengthExceeds(text, MAX_IMPORT_BYTES)) {
    throw new ConversationImportError(`The file is larger than the ${MAX_IMPORT_BYTES / (1024 * 1024)} MB import limit.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConversationImportError(`The file is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return validateExport(raw);
}

/** Checks format, version, schema and the cross-row rules that a schema alone cannot express. */
export function validateExport(raw: unknown): ConversationExport {
  const envelope = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  if (envelope.format !== EXPORT_FORMAT) throw new ConversationImportError('This is not a Patchbay conversation export.');
  if (!SUPPORTED_EXPORT_VERSIONS.some((version) => version === envelope.version)) {
    throw new ConversationImportError(
      `Unsupported export version ${JSON.stringify(envelope.version)}; this Patchbay reads version ${SUPPORTED_EXPORT_VERSIONS.join(', ')}.`,
    );
  }
  const parsed = ConversationExportSchema.safeParse(raw);
  if (!parsed.success) throw new ConversationImportError(`The export is malformed: ${describeIssues(parsed.error.issues)}`);
  checkMessages(parsed.data);
  return parsed.data;
}

function checkMessages(data: ConversationExport): void {
  const seqs = new Set<number>();
  const ids = new Set<string>();
  data.messages.forEach((message, index) => {
    if (message.conversationId !== data.conversation.id) {
      throw new ConversationImportError(`messages[${index}] belongs to conversation ${message.conversationId}, not ${data.conversation.id}.`);
    }
    if (seqs.has(message.seq)) throw new ConversationImportError(`messages[${index}] repeats seq ${message.seq}.`);
    if (ids.has(message.id)) throw new ConversationImportError(`messages[${index}] repeats the message id ${message.id}.`);
    // A file's attachments reach the model with the next message, so they meet the limits a send does.
    const problem = message.attachments ? attachmentsProblem(message.attachments) : null;
    if (problem) throw new ConversationImportError(`messages[${index}] carries attachments over the limit: ${problem.replace(/ Remove .*$/, '')}`);
    seqs.add(message.seq);
    ids.add(message.id);
  });
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  const more = issues.length - shown.length;
  return shown.join('; ') + (more > 0 ? ` (and ${more} more)` : '');
}

/** `['messages', 3, 'parts', 0, 'status']` → `messages[3].parts[0].status`. */
export function formatPath(path: readonly PropertyKey[]): string {
  const text = path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('');
  return text === '' ? '(root)' : text;
}

/** UTF-8 length above `limit`, without encoding the whole text when the answer is already clear. */
function byteLengthExceeds(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return new TextEncoder().encode(text).length > limit;
}
