import type { ServerRequestRow } from '../contract/server-request';
import type { ServerRequestRetention } from '../db/repositories/server-request-retention';
import type { ServerRequestAuditRetention } from '../db/repositories/server-request-audit-retention';

/** How long settlements gather before one prune runs over the connectors and conversations they touched. */
export const PRUNE_BATCH_DELAY_MS = 1_000;

export interface RequestPrunerOptions {
  /** Caps the server-request audit per connector in the same batches (none: the audit is left alone). */
  audit?: Pick<ServerRequestAuditRetention, 'pruneConnector' | 'connectorIds'>;
  delayMs?: number;
  now?(): number;
  onError?(error: unknown): void;
}

/**
 * Runs the retention in the background, off the answering path: a settlement only notes its
 * connector and conversation and arms one timer; the batch prunes each of them once. Prunes run
 * one at a time, so a flood of settlements costs a prune a second, not one per request. With an
 * `audit` retention, each batch and the wake also cap those connectors' server-request entries.
 */
export class RequestPruner {
  private readonly connectors = new Set<string>();
  private readonly conversations = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly retention: Pick<ServerRequestRetention, 'pruneConnector' | 'pruneConversation' | 'connectorIds' | 'forgetConnector'>,
    private readonly options: RequestPrunerOptions = {},
  ) {}

  /** A request ended: its connector and conversation are pruned in the next batch. Never throws, never waits. */
  settled(row: Pick<ServerRequestRow, 'connectorId' | 'conversationId'>): void {
    this.connectors.add(row.connectorId);
    if (row.conversationId) this.conversations.add(row.conversationId);
    this.timer ??= setTimeout(() => void this.flush(), this.options.delayMs ?? PRUNE_BATCH_DELAY_MS);
  }

  /**
   * At wake: every connector with stored requests is pruned, and the rows of a connector that no
   * longer exists go (`exists` says which do; a damaged connector row still exists). Runs after
   * what is queued; never rejects.
   */
  atWake(exists: (connectorId: string) => Promise<boolean>): Promise<void> {
    return this.enqueue(async () => {
      for (const id of await this.retention.connectorIds()) {
        // One connector's failure (a damaged row, say) leaves the others' prunes to run.
        try {
          if (await exists(id)) await this.retention.pruneConnector(id, this.now());
          else await this.retention.forgetConnector(id);
        } catch (error) {
          this.report(error);
        }
      }
      await this.pruneAudit(await this.options.audit?.connectorIds() ?? []);
    });
  }

  /** Runs the gathered batch now (the timer's job; tests await it). Never rejects. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const connectors = [...this.connectors];
    const conversations = [...this.conversations];
    this.connectors.clear();
    this.conversations.clear();
    return this.enqueue(async () => {
      for (const id of conversations) await this.retention.pruneConversation(id);
      for (const id of connectors) await this.retention.pruneConnector(id, this.now());
      await this.pruneAudit(connectors);
    });
  }

  private async pruneAudit(connectorIds: readonly string[]): Promise<void> {
    const audit = this.options.audit;
    if (!audit) return;
    for (const id of connectorIds) {
      try {
        await audit.pruneConnector(id);
      } catch (error) {
        this.report(error);
      }
    }
  }

  /** Settles once every prune queued so far has ended. */
  idle(): Promise<void> {
    return this.chain;
  }

  private enqueue(prune: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(prune).catch((error: unknown) => this.report(error));
    return this.chain;
  }

  private report(error: unknown): void {
    (this.options.onError ?? reportPruneError)(error);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

function reportPruneError(error: unknown): void {
  console.error('Patchbay: pruning settled server requests failed', error);
}
