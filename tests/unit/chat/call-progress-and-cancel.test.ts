import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallCancels } from '@/lib/chat/call-cancels';
import { throttleLatest } from '@/lib/chat/progress-throttle';

afterEach(() => vi.useRealTimers());

describe("a call's own Cancel", () => {
  it('aborts only that call of that conversation; the run signal stays as it is', () => {
    const cancels = new CallCancels();
    const run = new AbortController();
    const a = cancels.open('conv-1', 'call-a', run.signal);
    const b = cancels.open('conv-1', 'call-b', run.signal);
    // Another conversation cannot cancel it by guessing the call id.
    expect(cancels.cancel('conv-2', 'call-a')).toBe(false);
    expect(a.signal.aborted).toBe(false);
    expect(cancels.cancel('conv-1', 'call-a')).toBe(true);
    expect(a.signal.aborted).toBe(true);
    expect(a.cancelled()).toBe(true);
    expect(b.signal.aborted).toBe(false);
    expect(run.signal.aborted).toBe(false);
  });

  it('a Stop aborts every call, and is not mistaken for a Cancel; a closed call is no longer cancellable', () => {
    const cancels = new CallCancels();
    const run = new AbortController();
    const call = cancels.open('conv-1', 'call-a', run.signal);
    run.abort();
    expect(call.signal.aborted).toBe(true);
    expect(call.cancelled()).toBe(false);
    call.close();
    expect(cancels.cancel('conv-1', 'call-a')).toBe(false);
  });
});

describe('progress to the panel', () => {
  it('passes a flood on as at most one update per interval, always the latest, the last one included', () => {
    vi.useFakeTimers();
    const sent: number[] = [];
    const throttle = throttleLatest<number>((value) => sent.push(value), 100);
    for (let i = 1; i <= 1_000; i++) {
      throttle.push(i);
      if (i % 10 === 0) vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(200);
    expect(sent[0]).toBe(1);
    expect(sent.at(-1)).toBe(1_000);
    expect(sent.length).toBeLessThanOrEqual(3);
  });

  it('sends nothing after stop', () => {
    vi.useFakeTimers();
    const sent: number[] = [];
    const throttle = throttleLatest<number>((value) => sent.push(value), 100);
    throttle.push(1);
    throttle.push(2);
    throttle.stop();
    vi.advanceTimersByTime(500);
    expect(sent).toEqual([1]);
  });
});
