import type { ProtocolLogRepository } from '../db/repositories/protocol-log-repository';
import type { WireEvent } from './wire-event';

const FLUSH_DELAY_MS = 250;
const FLUSH_AT_FRAMES = 200;

/**
 * Batches wire events into the protocol log: one IndexedDB transaction per quarter second (or
 * per 200 frames) instead of one per frame, so a chatty server does not stall the worker.
 */
export class ProtocolLogWriter {
  private readonly buffers = new Map<string, WireEvent[]>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly repository: ProtocolLogRepository) {}

  record(connectorId: string, event: WireEvent): void {
    const buffer = this.buffers.get(connectorId) ?? [];
    buffer.push(event);
    this.buffers.set(connectorId, buffer);
    if (buffer.length >= FLUSH_AT_FRAMES) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_DELAY_MS);
  }

  /** Writes everything buffered so far; resolves when it is stored. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batches = [...this.buffers];
    this.buffers.clear();
    this.flushing = this.flushing.then(async () => {
      for (const [connectorId, events] of batches) {
        await this.repository.append(connectorId, events).catch((error: unknown) => console.error('Patchbay: protocol log write failed', error));
      }
    });
    return this.flushing;
  }

  /** Drops what is buffered for a removed connector. */
  forget(connectorId: string): void {
    this.buffers.delete(connectorId);
  }
}
