import Dexie from 'dexie';
import type { PatchbayDatabase } from '../database';
import { parseRow } from '../corrupt-row-error';
import { partitionRows, type PartitionedRows } from '../quarantined-row';
import { ConnectorRowSchema, type ConnectorRow } from '../rows';
import type { ConnectorRowCache } from './connector-row-cache';
import { connectorWriteBatch } from './connector-write-batch';
import { deleteRowsOfConnector, tablesOfConnector } from './rows-of-connector';

/** The user's connectors; the background owns writes, the panel reads the same rows live. */
export class ConnectorsRepository {
  /**
   * With `cache` (the background's, see `connectorRowCache`), `get` answers from memory. Without it
   * every read goes to IndexedDB, as a live query needs: a read it never makes, it never observes.
   */
  constructor(
    private readonly db: PatchbayDatabase,
    private readonly cache: ConnectorRowCache | null = null,
  ) {}

  /**
   * The connectors that can be used, by label. A row that fails its schema is left out here (the
   * background, the chat and the save check work on without it) and shown by {@link survey}.
   */
  async list(): Promise<ConnectorRow[]> {
    return (await this.survey()).rows;
  }

  /**
   * Every stored row, the usable ones by label and the corrupt ones quarantined with what is wrong,
   * for the Connectors screen. A whole-table read: the table holds a user's handful of servers, and
   * a row whose label is damaged is absent from the label index.
   */
  async survey(): Promise<PartitionedRows<ConnectorRow>> {
    const stored: unknown[] = await this.db.connectors.toArray();
    const survey = partitionRows('connectors', ConnectorRowSchema, stored);
    survey.rows.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    return survey;
  }

  /**
   * One connector; with a cache, from memory after its first read (see {@link ConnectorRowCache}):
   * every tool call asks for its row. The row is shared: change it with `update`, never in place.
   * Inside a transaction it is always read from the transaction.
   */
  get(id: string): Promise<ConnectorRow | undefined> {
    if (!this.cache || Dexie.currentTransaction) return this.read(id);
    return this.cache.get(id, () => this.read(id));
  }

  async put(row: ConnectorRow): Promise<void> {
    await this.written(this.db.connectors.put(ConnectorRowSchema.parse(row)));
  }

  /** Merges `patch` into the stored row, validating the result; a removed connector stays removed. */
  update(id: string, patch: Partial<ConnectorRow>): Promise<ConnectorRow | undefined> {
    return this.updateWith(id, () => patch);
  }

  /**
   * Like `update`, with the patch computed from the stored row inside the same transaction, so a
   * write made meanwhile (a user's switch) is never lost. `change` must not await anything else.
   * Outside a transaction, changes that arrive together share one (see {@link ConnectorWriteBatch}).
   */
  async updateWith(id: string, change: (current: ConnectorRow) => Partial<ConnectorRow>): Promise<ConnectorRow | undefined> {
    if (!Dexie.currentTransaction) return this.written(connectorWriteBatch(this.db).write(id, change));
    return this.written(
      this.db.transaction('rw', this.db.connectors, async () => {
        // Read inside the transaction, never from the cache: the patch is computed from what is stored.
        const current = await this.read(id);
        if (!current) return undefined;
        const next = ConnectorRowSchema.parse({ ...current, ...change(current), id, updatedAt: Date.now() });
        await this.db.connectors.put(next);
        return next;
      }),
    );
  }

  /**
   * Deletes the connector and every row that is its own (server requests, eval suites and runs,
   * saved calls, what-if overrides) in one transaction; the audit stays.
   */
  async remove(id: string): Promise<void> {
    await this.written(
      this.db.transaction('rw', [this.db.connectors, ...tablesOfConnector(this.db)], async () => {
        await deleteRowsOfConnector(this.db, id);
        await this.db.connectors.delete(id);
      }),
    );
  }

  private async read(id: string): Promise<ConnectorRow | undefined> {
    const row = await this.db.connectors.get(id);
    return row && parseRow('connectors', ConnectorRowSchema, row);
  }

  /** A write empties the cache before it starts and again once it is stored, so no read caches what it replaced. */
  private async written<T>(write: Promise<T>): Promise<T> {
    this.cache?.invalidate();
    try {
      return await write;
    } finally {
      this.cache?.invalidate();
    }
  }
}
