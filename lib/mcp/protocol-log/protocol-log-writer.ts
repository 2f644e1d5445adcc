import type { ProtocolLogRepository } from '../../db/repositories/protocol-log-repository';
import { capWireEvent } from './cap-wire-event';
import type { WireEvent } from './wire-event';

const FLUSH_DELAY_MS = 250;
const FLUSH_AT_FRAMES = 200;
/** Frames waiting to be stored (buffered or being written) before new ones are counted, not kept. */
export const MAX_QUEUED_FRAMES = 2_000;
/** The same bound in bytes: frames are capped, but many large ones still add up. */
export const MAX_QUEUED_BYTES = 8 * 1024 * 1024;

interface Buffer {
  events: WireEvent[];
  bytes: number;
  /** Frames refused while the queue was full, written into the counts with the next batch. */
  unrecorded: number;
}

/**
 * Batches wire events into the protocol log: one IndexedDB transaction per quarter second (or
 * per 200 frames), for every connector at once, instead of one per frame, so a chatty server does not stall the worker. Each
 * frame is capped first (see `cap-wire-event.ts`), and the queue is bounded in frames and bytes
 * until IndexedDB has stored them: when the disk falls behind a flood, further frames are
 * counted as unrecorded (the log view says how many) instead of piling up in memory.
 */
export class ProtocolLogWriter {
  private readonly buffers = new Map<string, Buffer>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> = Promise.resolve();
  /** Buffered plus handed to IndexedDB and not yet stored. */
  private readonly pending = { frames: 0, bytes: 0 };

  constructor(private readonly repository: ProtocolLogRepository) {}

  /** What the writer holds now, not yet stored. */
  get queued(): { frames: number; bytes: number } {
    return { ...this.pending };
  }

  /** Frames of a connector refused since its last write (the counts get them with the next one). */
  unrecorded(connectorId: string): number {
    return this.buffers.get(connectorId)?.unrecorded ?? 0;
  }

  record(connectorId: string, event: WireEvent): void {
    const buffer = this.bufferOf(connectorId);
    // A full queue refuses before capping: a flood costs a count, not a copy.
    const logged = this.pending.frames < MAX_QUEUED_FRAMES ? capWireEvent(event) : null;
    if (!logged || this.pending.bytes + logged.bytes > MAX_QUEUED_BYTES) {
      buffer.unrecorded += 1;
    } else {
      buffer.events.push(logged.event);
      buffer.bytes += logged.bytes;
      this.pending.frames += 1;
      this.pending.bytes += logged.bytes;
    }
    if (buffer.events.length >= FLUSH_AT_FRAMES) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_DELAY_MS);
  }

  /** Writes everything buffered so far; resolves when it is stored. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batches = [...this.buffers];
    this.buffers.clear();
    this.flushing = this.flushing.then(async () => {
      if (batches.length === 0) return;
      // One transaction for every connector's frames; if it fails, each connector's on its own, so
      // one bad batch costs only its own frames.
      await this.repository.appendAll(batches.map(([connectorId, { events, unrecorded }]) => ({ connectorId, frames: events, unrecorded }))).catch(async () => {
        for (const [connectorId, { events, unrecorded }] of batches) {
          await this.repository.append(connectorId, events, unrecorded).catch((error: unknown) => console.error('Patchbay: protocol log write failed', error));
        }
      });
      for (const [, { events, bytes }] of batches) {
        this.pending.frames -= events.length;
        this.pending.bytes -= bytes;
      }
    });
    return this.flushing;
  }

  /** Drops what is buffered for a removed connector. */
  forget(connectorId: string): void {
    const buffer = this.buffers.get(connectorId);
    if (!buffer) return;
    this.buffers.delete(connectorId);
    this.pending.frames -= buffer.events.length;
    this.pending.bytes -= buffer.bytes;
  }

  private bufferOf(connectorId: string): Buffer {
    let buffer = this.buffers.get(connectorId);
    if (!buffer) this.buffers.set(connectorId, (buffer = { events: [], bytes: 0, unrecorded: 0 }));
    return buffer;
  }
}
