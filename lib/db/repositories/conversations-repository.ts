import type { PatchbayDatabase } from '../database';
import { parseRow } from '../corrupt-row-error';
import { ConversationRowSchema, type ConversationRow } from '../rows';

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

  /** One page of the list, newest first; pass the last row's `updatedAt` to read the next page. */
  async listRecent(limit: number, olderThan?: number): Promise<ConversationRow[]> {
    const index = this.db.conversations.where('updatedAt');
    const range = olderThan === undefined ? index.above(-Infinity) : index.below(olderThan);
    const rows = await range.reverse().limit(limit).toArray();
    return rows.map((row) => parseRow('conversations', ConversationRowSchema, row));
  }

  async count(): Promise<number> {
    return this.db.conversations.count();
  }
}
