import type { PatchbayDatabase } from '../db/database';
import { DecisionsRepository } from '../db/repositories/decisions-repository';
import type { MessageRow } from '../db/rows';
import { ConversationImportError, validateExport, type ConversationExport } from './conversation-export';
import { settleImported } from './import-as-data';

export interface ImportOptions {
  /**
   * Keep the exported ids (restore, e.g. Undo after delete) or give the conversation and its
   * messages fresh ids (import a copy beside the original).
   */
  keepId: boolean;
}

/**
 * Writes the conversation and its messages in one transaction: either all of it lands or nothing.
 * The content is only data (see `settleImported`): nothing the file says was approved or in flight
 * is ever sent. Connector ids that do not exist here are kept (the engine skips them). Remembered
 * approvals are not part of an export, and any left under the same id are dropped, so an imported
 * conversation asks again.
 */
export async function importConversation(db: PatchbayDatabase, data: ConversationExport, options: ImportOptions): Promise<string> {
  const checked = validateExport(data);
  const { conversation, messages: claimed } = options.keepId ? checked : withFreshIds(checked);
  const messages = settleImported(claimed);
  await db.transaction('rw', db.conversations, db.messages, db.decisions, async () => {
    if ((await db.conversations.get(conversation.id)) !== undefined) {
      throw new ConversationImportError('A conversation with this id already exists.');
    }
    const taken = (await db.messages.bulkGet(messages.map((message) => message.id))).find((row) => row !== undefined);
    if (taken) throw new ConversationImportError(`A message with the id ${taken.id} already exists.`);
    await new DecisionsRepository(db).clear(conversation.id);
    await db.conversations.add(conversation);
    await db.messages.bulkAdd(messages);
  });
  return conversation.id;
}

function withFreshIds(data: ConversationExport): ConversationExport {
  const id = crypto.randomUUID();
  return {
    ...data,
    // Sorts to the top of the list: the user just brought it in.
    conversation: { ...data.conversation, id, updatedAt: Date.now() },
    messages: data.messages.map((message): MessageRow => ({ ...message, id: crypto.randomUUID(), conversationId: id })),
  };
}

