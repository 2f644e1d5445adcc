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

  async remove(id: string): Promise<void> {
    await this.db.connectors.delete(id);
  }
}
