import type { VersionedStatus } from '@/lib/contract/connector-status';

/** Keeps, per connector, whichever status is newer: a late snapshot never undoes a fresher event. */
export function mergeNewestStatuses(
  current: Record<string, VersionedStatus>,
  incoming: Record<string, VersionedStatus>,
): Record<string, VersionedStatus> {
  const next = { ...current };
  for (const [id, entry] of Object.entries(incoming)) {
    if ((next[id]?.version ?? -1) < entry.version) next[id] = entry;
  }
  return next;
}
