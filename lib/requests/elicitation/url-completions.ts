import type { ServerRequestsRepository } from '../../db/repositories/server-requests-repository';

/**
 * `notifications/elicitation/complete`, per connector and elicitation id: the stored URL request
 * is marked complete (its card says so), and a tool call waiting to be retried after a -32042 is
 * released. An id the server never asked for changes nothing.
 */
export class UrlCompletions {
  private readonly waiters = new Map<string, Array<() => void>>();
  private readonly early = new Set<string>();

  constructor(private readonly requests: Pick<ServerRequestsRepository, 'ofConnector' | 'mark'>) {}

  async completed(connectorId: string, elicitationId: string, at: number = Date.now()): Promise<void> {
    const key = `${connectorId}\n${elicitationId}`;
    const rows = await this.requests.ofConnector(connectorId);
    const row = rows.find((r) => r.kind === 'elicitation-url' && r.params.elicitationId === elicitationId);
    if (row && row.completedAt === undefined) await this.requests.mark(row.id, { completedAt: at });
    const waiting = this.waiters.get(key);
    this.waiters.delete(key);
    if (waiting) for (const release of waiting) release();
    else if (row) this.early.add(key);
  }

  /** Resolves once the server said the elicitation is complete (at once if it already did); rejects on abort. */
  wait(connectorId: string, elicitationId: string, signal: AbortSignal): Promise<void> {
    const key = `${connectorId}\n${elicitationId}`;
    if (this.early.delete(key)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Error('The call was stopped while waiting for the link to be completed.'));
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiters.set(key, [...(this.waiters.get(key) ?? []), () => (signal.removeEventListener('abort', onAbort), resolve())]);
    });
  }
}
