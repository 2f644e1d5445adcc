import type { PatchbayDatabase } from '../database';
import { parseRow } from '../corrupt-row-error';
import { EvalRunRowSchema, type EvalRunRow } from '../../contract/eval-run';

/** How many runs of one suite are kept: enough to compare, bounded like every other log. */
export const KEPT_RUNS_PER_SUITE = 20;

/** Eval runs, written by the background as attempts come in; the panel reads them live. */
export class EvalRunsRepository {
  constructor(private readonly db: PatchbayDatabase) {}

  async get(id: string): Promise<EvalRunRow | undefined> {
    const row = await this.db.evalRuns.get(id);
    return row && parseRow('evalRuns', EvalRunRowSchema, row);
  }

  /**
   * Writes the run while its suite is stored, in one transaction with that check: a run still
   * going when its suite or its connector was removed is not brought back as a ghost.
   */
  async put(row: EvalRunRow): Promise<void> {
    const parsed = EvalRunRowSchema.parse(row);
    await this.db.transaction('rw', this.db.evalRuns, this.db.evalSuites, async () => {
      if ((await this.db.evalSuites.where(':id').equals(parsed.suiteId).count()) > 0) await this.db.evalRuns.put(parsed);
    });
  }

  /**
   * Runs stored as running, which only a dead worker can have left at a wake (a run lives in the
   * worker that started it): the `status.type` index's `running` key, so a wake reads those rows
   * only, never the table. One that no longer parses is left out (nothing can resume it).
   */
  async running(): Promise<EvalRunRow[]> {
    const rows = await this.db.evalRuns.where('status.type').equals('running').toArray();
    return rows.flatMap((row) => {
      const parsed = EvalRunRowSchema.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    });
  }

  /** Adds a run and drops the suite's oldest beyond `KEPT_RUNS_PER_SUITE`. */
  async add(row: EvalRunRow): Promise<void> {
    await this.db.transaction('rw', this.db.evalRuns, this.db.evalSuites, async () => {
      await this.put(row);
      const range = this.db.evalRuns.where('[suiteId+startedAt]').between([row.suiteId, -Infinity], [row.suiteId, Infinity]);
      const keys = await range.primaryKeys();
      if (keys.length > KEPT_RUNS_PER_SUITE) await this.db.evalRuns.bulkDelete(keys.slice(0, keys.length - KEPT_RUNS_PER_SUITE));
    });
  }
}

/** A suite's runs, newest first (at most `KEPT_RUNS_PER_SUITE`); rows that no longer parse are left out. */
export async function runsOfSuite(db: PatchbayDatabase, suiteId: string): Promise<EvalRunRow[]> {
  const rows = await db.evalRuns.where('[suiteId+startedAt]').between([suiteId, -Infinity], [suiteId, Infinity]).reverse().toArray();
  return rows.flatMap((row) => {
    const parsed = EvalRunRowSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}
