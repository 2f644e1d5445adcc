/** What an approval of a replay covers: one call id, one tool, one input. */
export interface ReplayGrantKey {
  connectorId: string;
  toolName: string;
  callId: string;
  args: Record<string, unknown>;
}

/** Grants older than this are void: an approval answers the card in front of the person, not a later send. */
export const REPLAY_GRANT_TTL_MS = 10 * 60_000;

/**
 * One-time approvals of replays. A grant is spent by the send it allowed, and only a send of the
 * same tool with the same input (compared as canonical JSON) under the same call id can spend it.
 */
export class ReplayGrants {
  private readonly grants = new Map<string, { fingerprint: string; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  grant(key: ReplayGrantKey): void {
    this.grants.set(key.callId, { fingerprint: fingerprintOf(key), at: this.now() });
  }

  revoke(callId: string): void {
    this.grants.delete(callId);
  }

  /** True, and the grant is gone, when `key` was approved as it is now; false otherwise. */
  take(key: ReplayGrantKey): boolean {
    const grant = this.grants.get(key.callId);
    this.grants.delete(key.callId);
    return grant !== undefined && grant.fingerprint === fingerprintOf(key) && this.now() - grant.at <= REPLAY_GRANT_TTL_MS;
  }
}

function fingerprintOf({ connectorId, toolName, args }: ReplayGrantKey): string {
  return JSON.stringify([connectorId, toolName, canonical(args)]);
}

/** Objects with sorted keys, so the same input in another key order is the same input. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, canonical(v)]));
  return value;
}
