import type { PatchbayDatabase } from '../database';
import { parseRow } from '../corrupt-row-error';
import { EvalSuiteRowSchema, type EvalSuiteRow } from '../../contract/eval-suite';

/** Eval suites per connector, written only by the background; every write is parsed first. */
export class EvalSuitesRepository {
  constructor(private readonly db: PatchbayDatabase) {}

  async get(id: string): Promise<EvalSuiteRow | undefined> {
    const row = await this.db.evalSuites.get(id);
    return row && parseRow('evalSuites', EvalSuiteRowSchema, row);
  }

  async put(row: EvalSuiteRow): Promise<EvalSuiteRow> {
    const parsed = EvalSuiteRowSchema.parse(row);
    await this.db.evalSuites.put(parsed);
    return parsed;
  }

  /** Reads, changes and writes one suite in a transaction, so two edits never lose each other. */
  async update(id: string, change: (row: EvalSuiteRow) => EvalSuiteRow): Promise<EvalSuiteRow | undefined> {
    return this.db.transaction('rw', this.db.evalSuites, async () => {
      const stored = await this.get(id);
      return stored && this.put({ ...change(stored), id, connectorId: stored.connectorId, updatedAt: Date.now() });
    });
  }

  /** The suite and its runs go together: a run without its suite has nothing to show. */
  async remove(id: string): Promise<void> {
    await this.db.transaction('rw', this.db.evalSuites, this.db.evalRuns, async () => {
      await this.db.evalRuns.where('[suiteId+startedAt]').between([id, -Infinity], [id, Infinity]).delete();
      await this.db.evalSuites.delete(id);
    });
  }
}

/** A connector's suites, newest edit first; the panel's live query and the background share it. */
export async function suitesOfConnector(db: PatchbayDatabase, connectorId: string): Promise<EvalSuiteRow[]> {
  const rows = await db.evalSuites.where('connectorId').equals(connectorId).toArray();
  return rows.flatMap((row) => {
    const parsed = EvalSuiteRowSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  }).sort((a, b) => b.updatedAt - a.updatedAt);
}
