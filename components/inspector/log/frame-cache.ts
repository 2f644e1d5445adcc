import { readFrames } from '@/lib/db/repositories/protocol-log-listing';
import type { PatchbayDatabase } from '@/lib/db/database';
import type { ProtocolFrameRow } from '@/lib/db/rows';

/** Frames kept in memory per log view: a few screens of scrolling back and forth, not the ring. */
const KEPT = 1_500;

/**
 * The frames the virtual list has shown, by id. A stored frame never changes (the ring only
 * appends and drops), so a frame read once is good until it is dropped. Rows that ask in the same
 * task are read in one `bulkGet`: a screen of rows is one read, whatever the ring's size.
 */
export class FrameCache {
  private readonly frames = new Map<number, ProtocolFrameRow | null>();
  private readonly waiting = new Map<number, Set<() => void>>();
  private batch: number[] | null = null;

  constructor(private readonly db: PatchbayDatabase) {}

  /** The frame, `null` if it is gone, `undefined` until it is read. */
  peek(id: number): ProtocolFrameRow | null | undefined {
    return this.frames.get(id);
  }

  /** Asks for a frame; `ready` runs once it is read. Returns a function that stops waiting. */
  request(id: number, ready: () => void): () => void {
    const listeners = this.waiting.get(id) ?? new Set();
    listeners.add(ready);
    this.waiting.set(id, listeners);
    if (!this.batch) {
      this.batch = [];
      queueMicrotask(() => void this.readBatch());
    }
    this.batch.push(id);
    return () => listeners.delete(ready);
  }

  private async readBatch(): Promise<void> {
    const ids = [...new Set(this.batch ?? [])];
    this.batch = null;
    const rows = await readFrames(this.db, ids).catch(() => []);
    const found = new Map(rows.map((row) => [row.id!, row]));
    for (const id of ids) this.frames.set(id, found.get(id) ?? null);
    // Oldest reads go first once the cache is over its size (a Map iterates in insertion order).
    for (const id of this.frames.keys()) {
      if (this.frames.size <= KEPT) break;
      this.frames.delete(id);
    }
    for (const id of ids) {
      const listeners = this.waiting.get(id);
      this.waiting.delete(id);
      listeners?.forEach((ready) => ready());
    }
  }
}
