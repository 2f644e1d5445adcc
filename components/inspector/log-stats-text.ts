import type { ProtocolLogStatsRow } from '@/lib/db/rows';

/** The log's counts in words: what was seen, what the ring let go, and what a flood kept out. */
export function logStatsText(stats: ProtocolLogStatsRow): string {
  const dropped = stats.dropped ? `, ${stats.dropped} oldest dropped` : '';
  const unrecorded = stats.unrecorded ? `, ${stats.unrecorded} not kept (the log fell behind)` : '';
  return `${stats.total} recorded${dropped}${unrecorded}`;
}
