import type { ConnectorHub } from '../mcp/connector-hub';

/** What a Refresh all did: how many lists came back, which connectors failed and why, and how many were not connected. */
export interface RefreshAllOutcome {
  refreshed: number;
  failed: { id: string; message: string }[];
  skipped: number;
}

/**
 * Refreshes the tool list of every connected connector at once: every request starts in the same
 * task, where a click per card sent one command at a time, each started between the answers of
 * the ones before. A connector that is not connected is skipped (a refresh would try to connect or
 * sign in, one window per connector); one that fails does not stop the others.
 */
export async function refreshAllTools(hub: Pick<ConnectorHub, 'statuses' | 'refreshTools'>): Promise<RefreshAllOutcome> {
  const statuses = Object.entries(hub.statuses());
  const connected = statuses.filter(([, { status }]) => status.state === 'connected').map(([id]) => id);
  const settled = await Promise.allSettled(connected.map((id) => hub.refreshTools(id)));
  const failed = settled.flatMap((outcome, index) =>
    outcome.status === 'rejected' ? [{ id: connected[index]!, message: outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason) }] : [],
  );
  return { refreshed: connected.length - failed.length, failed, skipped: statuses.length - connected.length };
}
