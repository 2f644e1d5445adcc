import type { ProtocolLogRepository } from '../../db/repositories/protocol-log-repository';
import { capWireEvent } from './cap-wire-event';
import type { WireEvent } from './wire-event';

/** A batch is written once no frame came for this long (the connectors' traffic has paused)… */
export const FLUSH_QUIET_MS = 250;
/** …or once its first frame has waited this long, however busy the traffic. */
export const FLUSH_MAX_DELAY_MS = 1_000;
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
 * Batches wire events into the protocol log: one IndexedDB transaction for every connector at
 * once, instead of one per frame, so a chatty server does not stall the worker. A batch is written
 * when the traffic pauses for a quarter second (at most a second after its first frame, or at 200
 * frames): a refresh of twenty connectors brings twenty big tools/list answers within a few hundred
 * milliseconds, and writing their frames in the middle of that competed for the CPU and for
 * IndexedDB with the answers still arriving and the tool lists being stored. Each frame is capped
 * first (see `cap-wire-event.ts`), and the queue is bounded in frames and bytes until IndexedDB
 * has stored them: when the disk falls behind a flood, further frames are counted as unrecorded
 * (the log view says how many) instead of piling up in memory.
 */
export class ProtocolLogWriter {
  private readonly buffers = new Map<string, Buffer>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest frame not yet handed to a write was recorded (the one-second bound counts from it). */
  private oldestBufferedAt: number | undefined;
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
    else this.flushWhenQuiet();
  }

  /** (Re)arms the flush for a quarter second from now, never past a second after the oldest buffered frame. */
  private flushWhenQuiet(): void {
    const now = Date.now();
    this.oldestBufferedAt ??= now;
    clearTimeout(this.timer);
    const due = Math.min(now + FLUSH_QUIET_MS, this.oldestBufferedAt + FLUSH_MAX_DELAY_MS);
    this.timer = setTimeout(() => void this.flush(), Math.max(0, due - now));
  }

  /** Writes everything buffered so far; resolves when it is stored. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.oldestBufferedAt = undefined;
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
