interface PostTaskScheduler {
  postTask(task: () => void, options: { priority: 'background' }): Promise<void>;
}

/**
 * A task at background priority where the scheduler API exists (Chrome's worker): it runs after
 * the messages and network events already waiting, so the panel's next command is not queued
 * behind the log of the last one. Elsewhere (Firefox, Node), a plain next task.
 */
function inBackgroundTask(task: () => void): void {
  const scheduler = (globalThis as { scheduler?: PostTaskScheduler }).scheduler;
  if (typeof scheduler?.postTask === 'function') void scheduler.postTask(task, { priority: 'background' });
  else setTimeout(task, 0);
}

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
    inBackgroundTask(() => this.drain());
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
