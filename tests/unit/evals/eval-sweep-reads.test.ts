import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { PatchbayDatabase } from '@/lib/db/database';
import { EvalRunsRepository } from '@/lib/db/repositories/eval-runs-repository';
import { EvalRunner } from '@/lib/evals/eval-runner';
import { runRow, suiteRow } from '../../fixtures/workbench-rows';
import { watchReads, type TableReads } from '../requests/table-read-watch';

let db: PatchbayDatabase | undefined;
afterEach(() => db?.close());

async function watched(): Promise<{ d: PatchbayDatabase; reads: TableReads }> {
  const d = new PatchbayDatabase(`patchbay-sweep-${crypto.randomUUID()}`);
  db = d;
  const reads = watchReads(d, 'evalRuns');
  await d.open();
  return { d, reads };
}

const unused = () => Promise.reject(new Error('the sweep runs no model'));

describe('the wake sweep of eval runs', () => {
  it('marks only the runs left running, reading them through the status index and never the whole table', async () => {
    const { d, reads } = await watched();
    const finished = Array.from({ length: 300 }, (_, n) => runRow(`done-${n}`, `suite-${n % 15}`, 'c1', n % 3 === 0 ? { type: 'failed', reason: 'x' } : { type: 'complete' }, n));
    await d.evalSuites.bulkAdd(Array.from({ length: 15 }, (_, n) => suiteRow(`suite-${n}`, 'c1')));
    await d.evalRuns.bulkAdd([...finished, runRow('left-1', 'suite-1', 'c1', { type: 'running' }, 1_000), runRow('left-2', 'suite-2', 'c1', { type: 'running' }, 1_001)]);
    // A damaged row that claims to be running is skipped, never a crash.
    await d.evalRuns.add({ id: 'damaged', suiteId: 'suite-3', status: { type: 'running' } } as never);
    reads.rowReads.length = 0;
    const runner = new EvalRunner({ runs: new EvalRunsRepository(d), model: unused, modelInfo: unused, connectors: unused, overrides: unused, now: () => 5_000 });

    expect(await runner.sweepInterrupted()).toBe(2);
    expect(reads.fullScans).toEqual([]);
    expect(reads.rowReads).toEqual(['query over status.type']);
    expect(await d.evalRuns.get('left-1')).toMatchObject({ status: { type: 'stopped', reason: 'The background restarted during the run.' }, finishedAt: 5_000 });
    expect(await d.evalRuns.where('status.type').equals('running').primaryKeys()).toEqual(['damaged']);
    // The watch is not blind: the old filter over the table is seen as a full read.
    await d.evalRuns.filter(() => true).count();
    expect(reads.fullScans.length).toBeGreaterThan(0);
  });
});
