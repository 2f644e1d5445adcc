import { SamplingRefusedError } from './sampling-errors';

/** Sampling requests one connector may make in a rolling minute before the next are refused. */
export const SAMPLING_REQUESTS_PER_MINUTE = 6;
const WINDOW_MS = 60_000;

/**
 * A per-connector rolling window, so a server that loops on `sampling/createMessage` is stopped
 * with a clear error instead of flooding the person with cards (and the model with requests).
 * Kept in memory: a restarted worker starts counting again, which only ever lets fewer through
 * than one minute's worth.
 */
export class SamplingRateLimit {
  private readonly seen = new Map<string, number[]>();

  constructor(
    private readonly limit = SAMPLING_REQUESTS_PER_MINUTE,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request from `connectorId`, or throws `rate-limited` (the refused one is not counted). */
  admit(connectorId: string, connectorLabel: string): void {
    const at = this.now();
    const recent = (this.seen.get(connectorId) ?? []).filter((time) => at - time < WINDOW_MS);
    if (recent.length >= this.limit) {
      this.seen.set(connectorId, recent);
      const waitS = Math.ceil((WINDOW_MS - (at - recent[0]!)) / 1000);
      throw new SamplingRefusedError(
        'rate-limited',
        `Patchbay refused this sampling request: ${connectorLabel} sent more than ${this.limit} in a minute. Try again in ${waitS} s.`,
      );
    }
    recent.push(at);
    this.seen.set(connectorId, recent);
  }
}
