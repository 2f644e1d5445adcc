import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { PatchbayDatabase } from '@/lib/db/database';
import { ConnectorsRepository } from '@/lib/db/repositories/connectors-repository';
import { EvalRunsRepository } from '@/lib/db/repositories/eval-runs-repository';
import { newConnectorRow } from '@/lib/mcp/connectors/save-connector';
import { overrideRow, runRow, savedCallRow, suiteRow } from '../../fixtures/workbench-rows';
import { watchReads, type TableReads } from '../requests/table-read-watch';

let db: PatchbayDatabase | undefined;
afterEach(() => db?.close());

const WORKBENCH = ['evalSuites', 'evalRuns', 'savedCalls', 'toolOverrides', 'serverRequests'] as const;

/** A database with the rows removal must clear, watched for full-table reads on each of those tables. */
async function seeded(options: { failDeletesOf?: string } = {}): Promise<{ d: PatchbayDatabase; reads: Record<string, TableReads> }> {
  const d = new PatchbayDatabase(`patchbay-cascade-${crypto.randomUUID()}`);
  db = d;
  const reads = Object.fromEntries(WORKBENCH.map((table) => [table, watchReads(d, table)]));
  if (options.failDeletesOf) {
    d.use({
      stack: 'dbcore',
      name: 'failing-delete',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== options.failDeletesOf) return table;
          return { ...table, mutate: (request) => (request.type === 'delete' || request.type === 'deleteRange' ? Promise.reject(new Error('disk gone')) : table.mutate(request)) };
        },
      }),
    });
  }
  await d.open();
  const connectors = new ConnectorsRepository(d);
  for (const id of ['gone', 'kept']) {
    await connectors.put({ ...newConnectorRow(id, 1), label: id, url: `http://127.0.0.1:1/${id}` });
    await d.evalSuites.add(suiteRow(`suite-${id}`, id));
    await d.evalRuns.bulkAdd([runRow(`run-${id}-1`, `suite-${id}`, id), runRow(`run-${id}-2`, `suite-${id}`, id, { type: 'running' }, 2)]);
    await d.savedCalls.bulkAdd([savedCallRow(`saved-${id}`, id), savedCallRow(`saved-${id}-other`, id, 'zzz')]);
    await d.toolOverrides.add(overrideRow(id));
    await d.serverRequests.add({ id: `request-${id}`, connectorId: id, connectorLabel: id, kind: 'elicitation-form', params: { message: 'Name?' }, origin: { type: 'hand-run', callId: 'h' }, conversationId: null, unfamiliar: false, receivedAt: 1, status: 'pending' });
  }
  for (const table of WORKBENCH) reads[table]!.fullScans.length = 0;
  return { d, reads };
}

const keysOf = async (d: PatchbayDatabase) => Object.fromEntries(await Promise.all(WORKBENCH.map(async (table) => [table, ((await d.table(table).toCollection().primaryKeys()) as string[]).sort()])));

describe('removing a connector', () => {
  it('deletes its eval suites and runs, saved calls, what-if overrides and server requests, and nothing of another connector', async () => {
    const { d, reads } = await seeded();
    await new ConnectorsRepository(d).remove('gone');
    expect(await d.connectors.get('gone')).toBeUndefined();
    expect(await keysOf(d)).toEqual({
      evalSuites: ['suite-kept'],
      evalRuns: ['run-kept-1', 'run-kept-2'],
      savedCalls: ['saved-kept', 'saved-kept-other'],
      toolOverrides: [overrideRow('kept').id],
      serverRequests: ['request-kept'],
    });
    // Each table is cleared through an index, never read whole.
    for (const table of WORKBENCH) expect(reads[table]!.fullScans, table).toEqual([]);
  });

  it('is one transaction: when one deletion fails, the connector and every one of its rows stay', async () => {
    const { d } = await seeded({ failDeletesOf: 'toolOverrides' });
    const before = await keysOf(d);
    await expect(new ConnectorsRepository(d).remove('gone')).rejects.toThrow('disk gone');
    expect(await d.connectors.get('gone')).toBeDefined();
    expect(await keysOf(d)).toEqual(before);
  });

  it('keeps the audit: it records what was decided, and outlives the connector', async () => {
    const { d } = await seeded();
    await d.audit.add({ at: 1, kind: 'approved', conversationId: 'c', connectorId: 'gone', toolName: 'echo', detail: {} });
    await new ConnectorsRepository(d).remove('gone');
    expect(await d.audit.count()).toBe(1);
  });
});

describe('an eval run still going when its connector is removed', () => {
  it('is not written back once its suite is gone, so no ghost run is left', async () => {
    const { d } = await seeded();
    const runs = new EvalRunsRepository(d);
    const running = runRow('run-gone-2', 'suite-gone', 'gone', { type: 'running' }, 2);
    await new ConnectorsRepository(d).remove('gone');
    // The runner's next progress write and its final one, after the removal.
    await runs.put({ ...running, done: 1 });
    await runs.put({ ...running, status: { type: 'failed', reason: 'This connector was removed.' }, finishedAt: 3 });
    await runs.add(runRow('run-gone-3', 'suite-gone', 'gone'));
    expect(await d.evalRuns.where('connectorId').equals('gone').count()).toBe(0);
    // A live suite's runs are written as before.
    await runs.put({ ...runRow('run-kept-2', 'suite-kept', 'kept', { type: 'running' }, 2), done: 1 });
    expect(await d.evalRuns.get('run-kept-2')).toMatchObject({ done: 1 });
  });
});
