import Dexie from 'dexie';
import type { PatchbayDatabase } from '../database';
import { parseRow } from '../corrupt-row-error';
import { ConversationRowSchema, type ConversationRow } from '../rows';
import { DecisionsRepository } from './decisions-repository';
import { MessagesRepository } from './messages-repository';

/** Conversations newest first, read a page at a time so thousands never load at once. */
export class ConversationsRepository {
  constructor(private readonly db: PatchbayDatabase) {}

  async create(input: Pick<ConversationRow, 'title' | 'connectorIds' | 'model'>): Promise<ConversationRow> {
    const now = Date.now();
    const row = ConversationRowSchema.parse({ id: crypto.randomUUID(), createdAt: now, updatedAt: now, ...input });
    await this.db.conversations.add(row);
    return row;
  }

  async get(id: string): Promise<ConversationRow | undefined> {
    const row = await this.db.conversations.get(id);
    return row && parseRow('conversations', ConversationRowSchema, row);
  }

  /**
   * Changes the title or the connectors. `updatedAt` is left alone: it orders the list by activity,
   * and a rename is not activity. Answers whether the conversation exists.
   */
  async update(id: string, patch: Partial<Pick<ConversationRow, 'title' | 'connectorIds' | 'systemPrompt' | 'replacedTurns'>>): Promise<boolean> {
    return (await this.db.conversations.update(id, patch)) > 0;
  }

  /**
   * Deletes the conversation, its messages, its remembered decisions and its settled server
   * requests in one transaction, so no orphan is left if the worker dies halfway (an open request
   * moves to the top of the Chat tab instead). The audit stays: it is append-only.
   */
  async delete(id: string): Promise<void> {
    const { conversations, messages, decisions, serverRequests } = this.db;
    await this.db.transaction('rw', [conversations, messages, decisions, serverRequests], async () => {
      await new MessagesRepository(this.db).clear(id);
      await new DecisionsRepository(this.db).clear(id);
      await forgetRequestsOf(this.db, id);
      await conversations.delete(id);
    });
  }

  /** One page of the list, newest first; pass the last row's `updatedAt` to read the next page. */
  async listRecent(limit: number, olderThan?: number): Promise<ConversationRow[]> {
    const index = this.db.conversations.where('updatedAt');
    const range = olderThan === undefined ? index.above(-Infinity) : index.below(olderThan);
    const rows = await range.reverse().limit(limit).toArray();
    return rows.map((row) => parseRow('conversations', ConversationRowSchema, row));
  }
}

/**
 * A deleted conversation's server requests, inside the caller's transaction: the ended ones go with
 * it; an open one waits for the person, so it moves to the top of the Chat tab and stays answerable.
 */
async function forgetRequestsOf(db: PatchbayDatabase, conversationId: string): Promise<void> {
  // A fresh collection each time: Dexie's `filter` narrows the collection it is called on.
  const rows = () => db.serverRequests.where('[conversationId+receivedAt]').between([conversationId, Dexie.minKey], [conversationId, Dexie.maxKey], true, true);
  await rows().filter((row) => !OPEN_STATUSES.has(row.status)).delete();
  await rows().modify({ conversationId: null, origin: { type: 'none', conversationId: null } });
}

const OPEN_STATUSES: ReadonlySet<unknown> = new Set(['pending', 'sampling', 'review']);
