/** The longest a held panel waits for its first screen before the reply checks load anyway. */
export const FIRST_SCREEN_HOLD_CAP_MS = 1_000;

let held: { released: Promise<void>; release(): void } | null = null;

/**
 * Holds the loading of the command reply checks (every command's schemas, and the SDK's behind
 * them) until {@link releaseReplyChecks}, or at most `capMs`. The panel's entry calls it before its
 * first render, so the commands a first screen sends as it mounts (settings, runs, tool names) go
 * out at once but their checks are built after that screen is drawn, not in its way. Nothing is
 * unchecked meanwhile: replies wait. Without a hold (the tests, other pages) checks load at once.
 */
export function holdReplyChecks(capMs: number = FIRST_SCREEN_HOLD_CAP_MS): void {
  if (held) return;
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  setTimeout(release, capMs);
  held = { released, release };
}

/** The first screen is drawn: replies held for their checks are checked from now on. */
export function releaseReplyChecks(): void {
  held?.release();
}

/** Resolves once the reply checks may load: at once unless a hold is in place. */
export function replyChecksAllowed(): Promise<void> {
  return held?.released ?? Promise.resolve();
}
