/**
 * Remembers the last SSE event id seen on a session's standalone GET stream, so a restarted
 * worker can resume the stream with `Last-Event-ID`. A server may send many events: the id is
 * written at most once per `intervalMs` (and on `flush`), not once per event.
 */
export class EventIdTracker {
  private last: string | null;
  private written: string | null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly write: (id: string) => Promise<void>,
    initial: string | null = null,
    private readonly intervalMs = 500,
  ) {
    this.last = initial;
    this.written = initial;
  }

  /** The last id seen (or the one this tracker started from). */
  get latest(): string | null {
    return this.last;
  }

  note(id: string): void {
    if (this.stopped) return;
    this.last = id;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.intervalMs);
  }

  /** Writes the last id now if it has not been written yet. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const id = this.last;
    if (id === null || id === this.written) return;
    this.written = id;
    await this.write(id).catch((error: unknown) => console.error('Patchbay: could not store the last event id', error));
  }

  /** Stops writing: what is not flushed yet is dropped. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
