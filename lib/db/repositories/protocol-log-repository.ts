import type { PatchbayDatabase } from '../database';
import { parseRow } from '../corrupt-row-error';
import { ProtocolFrameRowSchema, ProtocolLogStatsRowSchema, type ProtocolFrameRow, type ProtocolLogStatsRow } from '../rows';

/** Frames kept per connector before the oldest are dropped; a busy server cannot fill the disk. */
export const PROTOCOL_LOG_CAPACITY = 5_000;

/** One connector's frames to append, and how many it could not queue (see `append`). */
export interface FrameBatch {
  connectorId: string;
  frames: Omit<ProtocolFrameRow, 'id' | 'connectorId'>[];
  unrecorded?: number;
}

/** A bounded ring of wire frames per connector, read newest first. */
export class ProtocolLogRepository {
  constructor(
    private readonly db: PatchbayDatabase,
    private readonly capacity = PROTOCOL_LOG_CAPACITY,
  ) {}

  /**
   * Appends frames, drops the oldest beyond capacity and counts both; returns how many were dropped.
   * `unrecorded` counts frames the writer could not queue: seen on the wire, never stored.
   */
  async append(connectorId: string, frames: Omit<ProtocolFrameRow, 'id' | 'connectorId'>[], unrecorded = 0): Promise<number> {
    return (await this.appendAll([{ connectorId, frames, unrecorded }]))[0]!;
  }

  /**
   * {@link append} for many connectors in one transaction (returns what each dropped, in order):
   * a refresh of twenty connectors logs twenty tools/list exchanges at once, and one transaction
   * per connector queued twenty commits behind one another.
   */
  async appendAll(batches: readonly FrameBatch[]): Promise<number[]> {
    const rows = batches.map(({ connectorId, frames }) => frames.map((f) => ProtocolFrameRowSchema.parse({ ...f, connectorId })));
    return this.db.transaction('rw', this.db.protocolLog, this.db.protocolLogStats, async () => {
      await this.db.protocolLog.bulkAdd(rows.flat());
      const dropped: number[] = [];
      for (const { connectorId, frames, unrecorded = 0 } of batches) {
        const range = this.rangeOf(connectorId);
        const excess = Math.max(0, (await range.count()) - this.capacity);
        if (excess > 0) await this.db.protocolLog.bulkDelete(await range.limit(excess).primaryKeys());
        const stats = await this.stats(connectorId);
        const lost = (stats.unrecorded ?? 0) + unrecorded;
        await this.db.protocolLogStats.put({ connectorId, total: stats.total + frames.length + unrecorded, dropped: stats.dropped + excess, ...(lost > 0 ? { unrecorded: lost } : {}) });
        dropped.push(excess);
      }
      return dropped;
    });
  }

  /** Every frame kept for a connector, oldest first (for export). */
  async all(connectorId: string): Promise<ProtocolFrameRow[]> {
    const rows = await this.rangeOf(connectorId).toArray();
    return rows.map((row) => parseRow('protocolLog', ProtocolFrameRowSchema, row));
  }

  async stats(connectorId: string): Promise<ProtocolLogStatsRow> {
    const row = await this.db.protocolLogStats.get(connectorId);
    return row ? parseRow('protocolLogStats', ProtocolLogStatsRowSchema, row) : { connectorId, total: 0, dropped: 0 };
  }

  /** Forgets a connector's frames and counts, as when the connector is removed. */
  async clear(connectorId: string): Promise<void> {
    await this.db.transaction('rw', this.db.protocolLog, this.db.protocolLogStats, async () => {
      await this.rangeOf(connectorId).delete();
      await this.db.protocolLogStats.delete(connectorId);
    });
  }

  /**
   * The newest frames, newest first. With `method`, only that method's frames, searched over the
   * whole ring (which the capacity bounds); `null` picks the frames that have no method.
   */
  async newest(connectorId: string, limit: number, method?: string | null): Promise<ProtocolFrameRow[]> {
    const range = this.rangeOf(connectorId).reverse();
    const picked = method === undefined ? range : range.filter((row: ProtocolFrameRow) => (row.method ?? null) === method);
    const rows = await picked.limit(limit).toArray();
    return rows.map((row) => parseRow('protocolLog', ProtocolFrameRowSchema, row));
  }

  /** Every method in the connector's whole ring, sorted, `null` last when some frames have none. */
  async methods(connectorId: string): Promise<(string | null)[]> {
    const seen = new Set<string>();
    let unnamed = false;
    await this.rangeOf(connectorId).each((row: ProtocolFrameRow) => {
      if (typeof row.method === 'string') seen.add(row.method);
      else unnamed = true;
    });
    return [...[...seen].sort(), ...(unnamed ? [null] : [])];
  }

  /** The frames recorded between two moments, oldest first (a tool call's own traffic). */
  async between(connectorId: string, from: number, to: number, limit: number): Promise<ProtocolFrameRow[]> {
    const rows = await this.rangeOf(connectorId, from, to).limit(limit).toArray();
    return rows.map((row) => parseRow('protocolLog', ProtocolFrameRowSchema, row));
  }

  /** The one read of the `[connectorId+at]` index: a connector's frames from `from` to `to`, both included. */
  private rangeOf(connectorId: string, from = -Infinity, to = Infinity) {
    return this.db.protocolLog
      .where('[connectorId+at]')
      .between([connectorId, from], [connectorId, to], true, true);
  }
}
