import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '@/lib/llm/model-errors';

describe('retryAfterMs', () => {
  it('prefers retry-after-ms, then seconds, then an HTTP date, else null', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250', 'retry-after': '3' }))).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': '2.5' }))).toBe(2500);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }), now)).toBe(30_000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }))).toBeNull();
    expect(retryAfterMs(undefined)).toBeNull();
  });
});
