import { z } from 'zod';
import type { KeyValueArea } from '../browser/key-value-area';
import type { DecisionsRepository } from '../db/repositories/decisions-repository';
import { auditHandRun } from './audit-hand-run';

const KEY = 'hand-runs.in-flight';

/** What the audit needs of a hand run that was sent: enough to record it if no outcome ever comes. */
export const InFlightHandRunSchema = z.object({
  callId: z.string(),
  connectorId: z.string(),
  toolName: z.string(),
  input: z.record(z.string(), z.unknown()),
  risk: z.enum(['read-only', 'write', 'destructive']),
  startedAt: z.number(),
});
export type InFlightHandRun = z.infer<typeof InFlightHandRunSchema>;

const JournalSchema = z.array(InFlightHandRunSchema);

/**
 * The audited hand runs that were sent and have no outcome yet, in `storage.local`. A hand run
 * has no message row that a resume could read, so without this a write the worker died in the
 * middle of would leave no trace in the audit at all. Writes are serialised (read-modify-write).
 */
export class HandRunJournal {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly area: KeyValueArea) {}

  async inFlight(): Promise<InFlightHandRun[]> {
    const parsed = JournalSchema.safeParse(await this.area.get(KEY));
    return parsed.success ? parsed.data : [];
  }

  /** Noted before the request leaves. */
  begin(run: InFlightHandRun): Promise<void> {
    return this.change((runs) => [...runs.filter((r) => r.callId !== run.callId), InFlightHandRunSchema.parse(run)]);
  }

  /** Its outcome is in the audit: nothing left to recover. */
  end(callId: string): Promise<void> {
    return this.change((runs) => runs.filter((run) => run.callId !== callId));
  }

  private change(edit: (runs: InFlightHandRun[]) => InFlightHandRun[]): Promise<void> {
    const next = this.queue.then(async () => {
      const runs = edit(await this.inFlight());
      await (runs.length === 0 ? this.area.remove(KEY) : this.area.set(KEY, runs));
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/**
 * At wake-up: every hand run a previous worker sent and never saw end is audited as
 * `outcome-unknown` (it may or may not have happened at the server), then dropped from the journal.
 */
export async function recoverHandRuns(journal: HandRunJournal, audit: Pick<DecisionsRepository, 'appendAudit'>): Promise<void> {
  for (const run of await journal.inFlight()) {
    await auditHandRun(audit, run.connectorId, run.toolName, run.risk, { callId: run.callId, input: run.input, outcome: 'outcome-unknown', isError: false, durationMs: null });
    await journal.end(run.callId);
  }
}
