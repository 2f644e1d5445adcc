import type { ConnectorErrorCode } from '../../contract/connector-status';

const DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000];

/** Errors only the user can fix; retrying them by ourselves would only hammer the server. */
const NEEDS_USER: ReadonlySet<ConnectorErrorCode> = new Set(['unauthorized', 'origin-rejected', 'bad-config']);

/** Milliseconds until the next automatic attempt, or null when waiting for the user. */
export function reconnectDelay(code: ConnectorErrorCode, attempt: number): number | null {
  if (NEEDS_USER.has(code)) return null;
  return DELAYS_MS[Math.min(attempt, DELAYS_MS.length - 1)]!;
}
