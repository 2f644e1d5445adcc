import { describe, expect, it } from 'vitest';
import { reconnectDelay } from '@/lib/mcp/session/reconnect-delay';

describe('reconnectDelay', () => {
  it('waits for the user on errors only the user can fix', () => {
    for (const code of ['unauthorized', 'origin-rejected', 'bad-config'] as const) {
      expect(reconnectDelay(code, 0)).toBeNull();
      expect(reconnectDelay(code, 5)).toBeNull();
    }
  });

  it('backs off on transient errors, capped at a minute', () => {
    const delays = Array.from({ length: 9 }, (_, attempt) => reconnectDelay('unreachable', attempt));
    expect(delays).toEqual([1_000, 2_000, 5_000, 10_000, 30_000, 60_000, 60_000, 60_000, 60_000]);
    expect(reconnectDelay('http-error', 1)).toBe(2_000);
    expect(reconnectDelay('protocol-error', 100)).toBe(60_000);
  });
});
