import type { PatchbayDatabase } from '../database';
import { parseRow } from '../corrupt-row-error';
import { ConnectorRowSchema, type ConnectorRow } from '../rows';

/** The user's connectors; the background owns writes, the panel reads the same rows live. */
export class ConnectorsRepository {
  constructor(private readonly db: PatchbayDatabase) {}

  async list(): Promise<ConnectorRow[]> {
    const rows = await this.db.connectors.orderBy('label').toArray();
    return rows.map((row) => parseRow('connectors', ConnectorRowSchema, row));
  }

  async get(id: string): Promise<ConnectorRow | undefined> {
    const row = await this.db.connectors.get(id);
    return row && parseRow('connectors', ConnectorRowSchema, row);
  }

  async put(row: ConnectorRow): Promise<void> {
    await this.db.connectors.put(ConnectorRowSchema.parse(row));
  }

  /** Merges `patch` into the stored row, validating the result; a removed connector stays removed. */
  update(id: string, patch: Partial<ConnectorRow>): Promise<ConnectorRow | undefined> {
    return this.updateWith(id, () => patch);
  }

  /**
   * Like `update`, with the patch computed from the stored row inside the same transaction, so a
   * write made meanwhile (a user's switch) is never lost. `change` must not await anything else.
   */
  async updateWith(id: string, change: (current: ConnectorRow) => Partial<ConnectorRow>): Promise<ConnectorRow | undefined> {
    return this.db.transaction('rw', this.db.connectors, async () => {
      const current = await this.get(id);
      if (!current) return undefined;
      const next = ConnectorRowSchema.parse({ ...current, ...change(current), id, updatedAt: Date.now() });
      await this.db.connectors.put(next);
      return next;
    });
  }

  async remove(id: string): Promise<void> {
    await this.db.connectors.delete(id);
  }
}
