import Dexie from 'dexie';
import type { PatchbayDatabase } from '../database';
import { parseRow } from '../corrupt-row-error';
import { MessageRowSchema, type MessageRow } from '../rows';

/** Messages of one conversation in `seq` order, read from the end backwards in pages. */
export class MessagesRepository {
  constructor(private readonly db: PatchbayDatabase) {}

  /** Appends with the next `seq` inside one transaction, so two writers never share a number. */
  async append(input: Omit<MessageRow, 'id' | 'seq' | 'createdAt'>): Promise<MessageRow> {
    return this.db.transaction('rw', this.db.messages, this.db.conversations, async () => {
      const last = await this.lastOf(input.conversationId);
      const row = MessageRowSchema.parse({
        ...input,
        id: crypto.randomUUID(),
        seq: last ? last.seq + 1 : 0,
        createdAt: Date.now(),
      });
      await this.db.messages.add(row);
      await this.db.conversations.update(input.conversationId, { updatedAt: row.createdAt });
      return row;
    });
  }

  async put(row: MessageRow): Promise<void> {
    await this.db.messages.put(MessageRowSchema.parse(row));
  }

  /** Drops one message: a retried answer, or a model attempt that produced nothing (429). */
  async remove(id: string): Promise<void> {
    await this.db.messages.delete(id);
  }

  /** The last `limit` messages before `beforeSeq` (or the end), returned in ascending order. */
  async page(conversationId: string, limit: number, beforeSeq?: number): Promise<MessageRow[]> {
    const upper = beforeSeq === undefined ? Dexie.maxKey : beforeSeq;
    const rows = await this.db.messages
      .where('[conversationId+seq]')
      .between([conversationId, Dexie.minKey], [conversationId, upper], true, false)
      .reverse()
      .limit(limit)
      .toArray();
    return rows.reverse().map((row) => parseRow('messages', MessageRowSchema, row));
  }

  private async lastOf(conversationId: string): Promise<MessageRow | undefined> {
    const [last] = await this.page(conversationId, 1);
    return last;
  }
}
