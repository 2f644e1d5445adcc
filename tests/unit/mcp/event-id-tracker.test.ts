import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventIdTracker } from '@/lib/mcp/transport/event-id-tracker';

describe('EventIdTracker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes at most once per interval, the latest id, and the rest on flush', async () => {
    const writes: string[] = [];
    const tracker = new EventIdTracker(async (id) => void writes.push(id), null, 500);
    for (let i = 1; i <= 100; i += 1) tracker.note(`e${i}`);
    expect(writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(500);
    expect(writes).toEqual(['e100']);
    tracker.note('e101');
    tracker.note('e102');
    await tracker.flush();
    expect(writes).toEqual(['e100', 'e102']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(writes).toEqual(['e100', 'e102']);
  });

  it('does not write again what it started from or already wrote; stops taking ids when stopped', async () => {
    const writes: string[] = [];
    const tracker = new EventIdTracker(async (id) => void writes.push(id), 'e7', 500);
    await tracker.flush();
    expect(tracker.latest).toBe('e7');
    tracker.note('e8');
    tracker.stop();
    tracker.note('e9');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(writes).toEqual([]);
    await tracker.flush();
    expect(writes).toEqual(['e8']);
  });
});
