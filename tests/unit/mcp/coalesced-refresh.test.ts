import { describe, expect, it, vi } from 'vitest';
import { CoalescedRefresh } from '@/lib/mcp/session/coalesced-refresh';

/** A refresh that waits until the test finishes it, counting how often it started. */
function heldRefresh(fail = false) {
  const finishers: (() => void)[] = [];
  let started = 0;
  const refresh = new CoalescedRefresh(() => {
    started += 1;
    return new Promise<void>((resolve, reject) => finishers.push(() => (fail ? reject(new Error('server gone')) : resolve())));
  });
  return { refresh, started: () => started, finishNext: () => finishers.shift()?.() };
}

describe('CoalescedRefresh', () => {
  it('runs one refresh for a burst, and exactly one more for what arrived while it ran', async () => {
    const { refresh, started, finishNext } = heldRefresh();
    const all = Array.from({ length: 50 }, () => refresh.request());
    expect(started()).toBe(1);
    finishNext();
    await vi.waitFor(() => expect(started()).toBe(2));
    finishNext();
    await Promise.all(all);
    expect(started()).toBe(2);
    // Idle again: the next request starts at once.
    const next = refresh.request();
    expect(started()).toBe(3);
    finishNext();
    await next;
  });

  it('never rejects, and a failed refresh does not stop the one to follow', async () => {
    const { refresh, started, finishNext } = heldRefresh(true);
    const first = refresh.request();
    const second = refresh.request();
    finishNext();
    await vi.waitFor(() => expect(started()).toBe(2));
    finishNext();
    await expect(Promise.all([first, second])).resolves.toEqual([undefined, undefined]);
    expect(started()).toBe(2);
  });
});
