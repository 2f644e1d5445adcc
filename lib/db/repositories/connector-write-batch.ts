import type { PatchbayDatabase } from '../database';
import { parseRow } from '../corrupt-row-error';
import { ConnectorRowSchema, type ConnectorRow } from '../rows';

/** One read-modify-write of a connector row, waiting for the transaction that stores it. */
interface QueuedChange {
  id: string;
  change(current: ConnectorRow): Partial<ConnectorRow>;
  resolve(row: ConnectorRow | undefined): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; row: ConnectorRow | undefined } | { ok: false; error: unknown };

/**
 * Group commit for connector rows. Read-write transactions on one table run one after another,
 * so twenty tool lists arriving together (a refresh of every connector) used to wait in a queue
 * of twenty transactions, each a read, a write and a commit, and each waking every live query
 * on the table. Changes that arrive while a transaction is under way are stored together in the
 * next one: each is still computed from the row as stored, inside that transaction (applied in
 * arrival order, a later change seeing an earlier one), so a switch flipped meanwhile is never
 * overwritten. A change that throws, or whose result fails the schema, fails alone; the others
 * are stored.
 */
export class ConnectorWriteBatch {
  private queue: QueuedChange[] = [];
  private draining = false;

  constructor(private readonly db: PatchbayDatabase) {}

  /** Stores `change(current)` merged into the row; resolves with the stored row, or undefined if there is none. */
  write(id: string, change: (current: ConnectorRow) => Partial<ConnectorRow>): Promise<ConnectorRow | undefined> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id, change, resolve, reject });
      if (this.draining) return;
      this.draining = true;
      // Changes asked for in the same task share the first transaction too.
      queueMicrotask(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        const outcomes = await this.store(batch);
        batch.forEach((item, index) => {
          const outcome = outcomes[index]!;
          if (outcome.ok) item.resolve(outcome.row);
          else item.reject(outcome.error);
        });
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
    this.draining = false;
  }

  private store(batch: readonly QueuedChange[]): Promise<Outcome[]> {
    const { connectors } = this.db;
    return this.db.transaction('rw', connectors, async () => {
      const ids = [...new Set(batch.map((item) => item.id))];
      const stored = await connectors.bulkGet(ids);
      const current = new Map<string, Outcome>();
      ids.forEach((id, index) => {
        const row = stored[index];
        try {
          current.set(id, { ok: true, row: row === undefined ? undefined : parseRow('connectors', ConnectorRowSchema, row) });
        } catch (error) {
          current.set(id, { ok: false, error });
        }
      });
      const written = new Map<string, ConnectorRow>();
      const outcomes = batch.map((item): Outcome => {
        const before = current.get(item.id)!;
        if (!before.ok || before.row === undefined) return before;
        try {
          const next = ConnectorRowSchema.parse({ ...before.row, ...item.change(before.row), id: item.id, updatedAt: Date.now() });
          current.set(item.id, { ok: true, row: next });
          written.set(item.id, next);
          return { ok: true, row: next };
        } catch (error) {
          return { ok: false, error };
        }
      });
      if (written.size > 0) await connectors.bulkPut([...written.values()]);
      return outcomes;
    });
  }
}

const batches = new WeakMap<PatchbayDatabase, ConnectorWriteBatch>();

/** The one write batch of `db`'s connector rows, shared by every repository over it. */
export function connectorWriteBatch(db: PatchbayDatabase): ConnectorWriteBatch {
  let batch = batches.get(db);
  if (!batch) batches.set(db, (batch = new ConnectorWriteBatch(db)));
  return batch;
}
