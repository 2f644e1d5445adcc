import type { PatchbayDatabase } from '../database';
import { parseRow } from '../corrupt-row-error';
import { ProtocolFrameRowSchema, type ProtocolFrameRow } from '../rows';

/** Frames kept per connector before the oldest are dropped; a busy server cannot fill the disk. */
export const PROTOCOL_LOG_CAPACITY = 5_000;

/** A bounded ring of wire frames per connector, read newest first. */
export class ProtocolLogRepository {
  constructor(
    private readonly db: PatchbayDatabase,
    private readonly capacity = PROTOCOL_LOG_CAPACITY,
  ) {}

  /** Appends frames and drops the oldest beyond capacity; returns how many were dropped. */
  async append(connectorId: string, frames: Omit<ProtocolFrameRow, 'id' | 'connectorId'>[]): Promise<number> {
    return this.db.transaction('rw', this.db.protocolLog, async () => {
      await this.db.protocolLog.bulkAdd(frames.map((f) => ProtocolFrameRowSchema.parse({ ...f, connectorId })));
      const range = this.rangeOf(connectorId);
      const excess = (await range.count()) - this.capacity;
      if (excess <= 0) return 0;
      const oldest = await range.limit(excess).primaryKeys();
      await this.db.protocolLog.bulkDelete(oldest);
      return excess;
    });
  }

  async newest(connectorId: string, limit: number): Promise<ProtocolFrameRow[]> {
    const rows = await this.rangeOf(connectorId).reverse().limit(limit).toArray();
    return rows.map((row) => parseRow('protocolLog', ProtocolFrameRowSchema, row));
  }

  private rangeOf(connectorId: string) {
    return this.db.protocolLog
      .where('[connectorId+at]')
      .between([connectorId, -Infinity], [connectorId, Infinity], true, true);
  }
}
