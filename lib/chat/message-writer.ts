import type { MessagePart } from '../db/message-parts';
import type { MessageRow } from '../db/rows';
import type { ConversationStore } from './conversation-store';

/**
 * How long streamed deltas gather in memory before one write; a token is never a write. Half the
 * panel's 100 ms budget between text updates, so a write, its read and a paint still fit in it.
 */
export const DEFAULT_FLUSH_INTERVAL_MS = 50;

type RowChange = (row: MessageRow) => MessageRow;

/**
 * Holds one message being written and persists it: edits at once, streamed deltas in batches.
 * Every write applies the changes queued since the last one to the row *as stored*, in one
 * transaction, so a decision recorded meanwhile by another command (a second card approved while
 * this run sends a call) is kept, never overwritten by this writer's older copy. Writes are
 * chained, so the stored row never goes back to an older state.
 */
export class MessageWriter {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private chain: Promise<boolean> = Promise.resolve(true);
  private queued: RowChange[] = [];

  constructor(
    private readonly store: Pick<ConversationStore, 'update'>,
    private current: MessageRow,
    private readonly flushIntervalMs = DEFAULT_FLUSH_INTERVAL_MS,
  ) {}

  /** The message as last stored, with the changes not written yet. */
  get row(): MessageRow {
    return this.current;
  }

  /** Adds streamed text to a text or reasoning part; written with the next batch. */
  appendText(partId: string, delta: string): void {
    this.queue((row) => ({
      ...row,
      parts: row.parts.map((part) => (part.id === partId && (part.type === 'text' || part.type === 'reasoning') ? { ...part, text: part.text + delta } : part)),
    }));
    // A batch write that fails (quota, a closed database) is not this timer's to report: the run's
    // next awaited write meets the same failure and ends the run with it.
    this.timer ??= setTimeout(() => void this.flush().catch(() => undefined), this.flushIntervalMs);
  }

  /** Records the model's token counts; written with the next write (the step always ends with one). */
  setUsage(usage: NonNullable<MessageRow['usage']>): void {
    this.queue((row) => ({ ...row, usage }));
  }

  /**
   * Changes the parts and writes at once (status changes must not wait for a batch). `change` runs
   * on the stored parts, so it must derive everything from the parts it is given. Resolves to
   * whether the row was written (false when the message is gone).
   */
  edit(change: (parts: MessagePart[]) => MessagePart[]): Promise<boolean> {
    this.queue((row) => ({ ...row, parts: change(row.parts) }));
    return this.flush();
  }

  /**
   * Takes in what another command stored meanwhile (a card decided in another panel), after any
   * change still queued; reads, and writes only what was queued. False when the message is gone.
   */
  refresh(): Promise<boolean> {
    this.queue((row) => row);
    return this.flush();
  }

  flush(): Promise<boolean> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.queued;
    this.queued = [];
    const id = this.current.id;
    this.chain = this.chain
      .catch(() => false)
      .then(async () => {
        if (batch.length === 0) return true;
        const stored = await this.store.update(id, (row) => batch.reduce((next, change) => change(next), row));
        // Changes queued while this write was under way still apply on top of it.
        if (stored) this.current = this.queued.reduce((next, change) => change(next), stored);
        return stored !== undefined;
      });
    return this.chain;
  }

  private queue(change: RowChange): void {
    this.queued.push(change);
    this.current = change(this.current);
  }
}
