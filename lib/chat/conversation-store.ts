import type { PatchbayDatabase } from '../db/database';
import { partitionRows } from '../db/quarantined-row';
import { MessagesRepository } from '../db/repositories/messages-repository';
import { ConnectorRowSchema, type ConnectorRow, type ConversationRow, type MessageRow } from '../db/rows';
import { connectorRowCache } from '../db/repositories/connector-row-cache';
import { ConnectorsRepository } from '../db/repositories/connectors-repository';
import { ConversationsRepository } from '../db/repositories/conversations-repository';
import { DecisionsRepository } from '../db/repositories/decisions-repository';
import { ConversationNotFoundError } from './run-errors';

/** What the run engine reads and writes; the conversation in IndexedDB is the only state it trusts. */
export class ConversationStore {
  readonly messages: MessagesRepository;
  readonly conversations: ConversationsRepository;
  /** Remembered approvals and the audit: the policy reads them at each admission. */
  readonly decisions: DecisionsRepository;
  private readonly connectors: ConnectorsRepository;

  constructor(private readonly db: PatchbayDatabase) {
    this.connectors = new ConnectorsRepository(db, connectorRowCache(db));
    this.messages = new MessagesRepository(db);
    this.conversations = new ConversationsRepository(db);
    this.decisions = new DecisionsRepository(db);
  }

  /** Runs `work` in one transaction over messages, decisions and audit: a decision is never half-written. */
  atomically<T>(work: () => Promise<T>): Promise<T> {
    return this.db.transaction('rw', [this.db.messages, this.db.decisions, this.db.audit, this.db.connectors], work);
  }

  /** The connector as stored now (fresh fingerprints after a refresh or `list_changed`). */
  connector(id: string): Promise<ConnectorRow | undefined> {
    return this.connectors.get(id);
  }

  async conversation(id: string): Promise<ConversationRow> {
    const row = await this.conversations.get(id);
    if (!row) throw new ConversationNotFoundError(id);
    return row;
  }

  /** Every message in order: the model needs the whole history for its next step. */
  history(conversationId: string): Promise<MessageRow[]> {
    return this.messages.history(conversationId);
  }

  async last(conversationId: string): Promise<MessageRow | undefined> {
    const [last] = await this.messages.page(conversationId, 1);
    return last;
  }

  append(input: Omit<MessageRow, 'id' | 'seq' | 'createdAt'>): Promise<MessageRow> {
    return this.messages.append(input);
  }

  put(row: MessageRow): Promise<void> {
    return this.messages.put(row);
  }

  /**
   * Applies `change` to the message as stored, in one transaction, and returns what was written;
   * `undefined` when the message is gone (it is never brought back). A change that returns the row
   * itself writes nothing: the stored row is only read.
   */
  update(messageId: string, change: (row: MessageRow) => MessageRow): Promise<MessageRow | undefined> {
    return this.db.transaction('rw', this.db.messages, async () => {
      const row = await this.messages.get(messageId);
      if (!row) return undefined;
      const next = change(row);
      if (next !== row) await this.messages.put(next);
      return next;
    });
  }

  remove(messageId: string): Promise<void> {
    return this.messages.remove(messageId);
  }

  /** The selected connectors that still exist, in the order the conversation lists them. */
  async connectorsOf(conversation: Pick<ConversationRow, 'connectorIds'>): Promise<ConnectorRow[]> {
    const rows = await this.db.connectors.bulkGet(conversation.connectorIds);
    // A corrupt row is quarantined (the Connectors screen shows it): the run goes on with the others.
    return partitionRows('connectors', ConnectorRowSchema, rows.filter((row) => row !== undefined)).rows;
  }

  /** The most recently active conversations, where a run cut by a worker restart can be. */
  async recentConversationIds(limit: number): Promise<string[]> {
    return (await this.conversations.listRecent(limit)).map((row) => row.id);
  }
}
