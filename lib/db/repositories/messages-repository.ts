import Dexie from 'dexie';
import type { PatchbayDatabase } from '../database';
import { parseRow } from '../corrupt-row-error';
import { MessageRowSchema, type MessageRow } from '../rows';

/**
 * Messages of one conversation in `seq` order, read from the end backwards in pages. Every read of
 * the `[conversationId+seq]` index goes through {@link MessagesRepository.rangeOf}.
 */
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

  async get(id: string): Promise<MessageRow | undefined> {
    const row = await this.db.messages.get(id);
    return row && parseRow('messages', MessageRowSchema, row);
  }

  async put(row: MessageRow): Promise<void> {
    await this.db.messages.put(MessageRowSchema.parse(row));
  }

  /** Drops one message: a retried answer, or a model attempt that produced nothing (429). */
  async remove(id: string): Promise<void> {
    await this.db.messages.delete(id);
  }

  /** Every message in order: the model needs the whole history for its next step, an export the whole file. */
  async history(conversationId: string): Promise<MessageRow[]> {
    const rows = await this.rangeOf(conversationId).toArray();
    return rows.map((row) => parseRow('messages', MessageRowSchema, row));
  }

  /** Every message from `fromSeq` to the end, in order: the live window the chat list shows. */
  async from(conversationId: string, fromSeq: number): Promise<MessageRow[]> {
    const rows = await this.rangeOf(conversationId, fromSeq).toArray();
    return rows.map((row) => parseRow('messages', MessageRowSchema, row));
  }

  /**
   * The first `limit` rows as stored, unchecked: a text search only reads their text, and the
   * list that shows a hit parses (and quarantines) each row itself.
   */
  scan(conversationId: string, limit: number): Promise<MessageRow[]> {
    return this.rangeOf(conversationId).limit(limit).toArray();
  }

  /** The last `limit` messages before `beforeSeq` (or the end), returned in ascending order. */
  async page(conversationId: string, limit: number, beforeSeq?: number): Promise<MessageRow[]> {
    const rows = await this.rangeOf(conversationId, Dexie.minKey, beforeSeq).reverse().limit(limit).toArray();
    return rows.reverse().map((row) => parseRow('messages', MessageRowSchema, row));
  }

  /** The seq of the conversation's last message (one step on the index), or `null` when it has none. */
  async lastSeq(conversationId: string): Promise<number | null> {
    const [key] = await this.rangeOf(conversationId).reverse().limit(1).keys();
    return key ? (key as unknown as [string, number])[1] : null;
  }

  /** Deletes every message of the conversation (inside the caller's transaction, if any). */
  async clear(conversationId: string): Promise<void> {
    await this.rangeOf(conversationId).delete();
  }

  private async lastOf(conversationId: string): Promise<MessageRow | undefined> {
    const [last] = await this.page(conversationId, 1);
    return last;
  }

  /** Seqs from `from` (included) up to `below` (excluded, the end when absent). */
  private rangeOf(conversationId: string, from: unknown = Dexie.minKey, below: unknown = Dexie.maxKey) {
    return this.db.messages.where('[conversationId+seq]').between([conversationId, from], [conversationId, below], true, false);
  }
}
