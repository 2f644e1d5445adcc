/**
 * Runs work in a later task, in the order it was queued: what a recorder does to a frame
 * (serialising, scrubbing, capping it) waits until the frame has reached the code that is waiting
 * for it, so logging costs the tool call's answer nothing. `settled` resolves once the queue is empty.
 */
export class AfterThisTask {
  private readonly queue: (() => void)[] = [];
  private scheduled = false;
  private idle: { promise: Promise<void>; resolve(): void } | null = null;

  run(work: () => void): void {
    this.queue.push(work);
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => this.drain(), 0);
  }

  /** Resolves when everything queued so far (and after) has run. */
  settled(): Promise<void> {
    if (!this.scheduled) return Promise.resolve();
    if (!this.idle) {
      let resolve!: () => void;
      const promise = new Promise<void>((done) => (resolve = done));
      this.idle = { promise, resolve };
    }
    return this.idle.promise;
  }

  private drain(): void {
    // Work queued while draining runs in this same pass: the order stays the order of the wire.
    for (let work = this.queue.shift(); work; work = this.queue.shift()) {
      try {
        work();
      } catch (error) {
        console.error('Patchbay: recording a frame failed', error);
      }
    }
    this.scheduled = false;
    this.idle?.resolve();
    this.idle = null;
  }
}
