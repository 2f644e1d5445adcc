/**
 * Runs a refresh at most once at a time. A request while one is in flight marks one more to
 * follow, never more: a burst of `notifications/tools/list_changed` from a server costs one
 * `tools/list` plus one after it (which sees every change of the burst), not one per notification.
 */
export class CoalescedRefresh {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly refresh: () => Promise<unknown>) {}

  /** Starts a refresh, or marks one to follow the refresh in flight. Never rejects. */
  request(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = async (): Promise<void> => {
      do {
        this.again = false;
        await this.refresh().catch(() => undefined);
      } while (this.again);
    };
    this.running = run().finally(() => (this.running = null));
    return this.running;
  }
}
