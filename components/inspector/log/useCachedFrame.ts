import { useEffect, useState } from 'react';
import type { ProtocolFrameRow } from '@/lib/db/rows';
import type { FrameCache } from './frame-cache';

/** One row's frame from the view's cache, read (in a batch with its neighbours) when not there yet. */
export function useCachedFrame(cache: FrameCache, id: number): ProtocolFrameRow | null | undefined {
  const [, setTick] = useState(0);
  const frame = cache.peek(id);
  useEffect(() => {
    if (frame !== undefined) return;
    return cache.request(id, () => setTick((n) => n + 1));
  }, [cache, id, frame]);
  return frame;
}
