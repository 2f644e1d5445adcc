import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/lib/db/open-database';
import { EvalRunsRepository, runsOfSuite } from '@/lib/db/repositories/eval-runs-repository';
import { suitesOfConnector } from '@/lib/db/repositories/eval-suites-repository';
import { SCHEMA_VERSIONS } from '@/lib/db/schema-versions';
import { overrideRow, runRow, savedCallRow, suiteRow } from '../../fixtures/workbench-rows';

const opened: Dexie[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

/** A database exactly as version 5 left it: every step up to and including 5, with their upgrades. */
function atVersion5(name: string): Dexie {
  const db = new Dexie(name);
  for (const step of SCHEMA_VERSIONS.filter((s) => s.version <= 5)) {
    const declared = db.version(step.version).stores(step.stores);
    if (step.upgrade) declared.upgrade(step.upgrade);
  }
  return db;
}

const keys = async (db: Dexie, table: string) => ((await db.table(table).toCollection().primaryKeys()) as string[]).sort();

describe('schema version 6 (workbench rows of removed connectors, the eval sweep and audit indexes)', () => {
  it('upgrades a version 5 database: drops the workbench rows of removed connectors and runs of deleted suites, keeps the rest', async () => {
    const name = `patchbay-v6-${crypto.randomUUID()}`;
    const v5 = atVersion5(name);
    await v5.table('connectors').add({ id: 'kept', label: 'Kept' });
    await v5.table('evalSuites').bulkAdd([suiteRow('suite-kept', 'kept'), suiteRow('suite-gone', 'removed')]);
    await v5.table('evalRuns').bulkAdd([
      runRow('run-kept', 'suite-kept', 'kept'),
      runRow('run-of-removed', 'suite-gone', 'removed'),
      runRow('run-of-deleted-suite', 'suite-deleted', 'kept'),
    ]);
    await v5.table('savedCalls').bulkAdd([savedCallRow('saved-kept', 'kept'), savedCallRow('saved-gone', 'removed')]);
    await v5.table('toolOverrides').bulkAdd([overrideRow('kept'), overrideRow('removed')]);
    // A damaged row names no connector: it is left for the readers to quarantine, not guessed at.
    await v5.table('savedCalls').add({ id: 'saved-damaged', connectorId: 42, toolName: 'echo' });
    await v5.table('audit').add({ at: 6, kind: 'approved', conversationId: 'c', connectorId: 'removed', toolName: 'echo', detail: {} });
    v5.close();

    const db = await openDatabase(name);
    opened.push(db);
    expect(db.verno).toBeGreaterThanOrEqual(6);
    expect(await keys(db, 'evalSuites')).toEqual(['suite-kept']);
    expect(await keys(db, 'evalRuns')).toEqual(['run-kept']);
    expect(await keys(db, 'savedCalls')).toEqual(['saved-damaged', 'saved-kept']);
    expect(await keys(db, 'toolOverrides')).toEqual([overrideRow('kept').id]);
    expect(await db.audit.count()).toBe(1);
    // What the Evals screen lists is what is left.
    expect((await suitesOfConnector(db, 'removed')).map((row) => row.id)).toEqual([]);
    expect((await runsOfSuite(db, 'suite-kept')).map((row) => row.id)).toEqual(['run-kept']);
  });

  it('serves the new indexes over rows written at version 5', async () => {
    const name = `patchbay-v6-${crypto.randomUUID()}`;
    const v5 = atVersion5(name);
    await v5.table('connectors').add({ id: 'kept', label: 'Kept' });
    await v5.table('evalSuites').add(suiteRow('suite-kept', 'kept'));
    await v5.table('evalRuns').bulkAdd([runRow('done', 'suite-kept', 'kept'), runRow('left-running', 'suite-kept', 'kept', { type: 'running' }, 2)]);
    await v5.table('audit').bulkAdd([
      { at: 1, kind: 'server-request', conversationId: '', connectorId: 'kept', toolName: 'elicitation/create', detail: {} },
      { at: 2, kind: 'approved', conversationId: 'c', connectorId: 'kept', toolName: 'echo', detail: {} },
    ]);
    v5.close();

    const db = await openDatabase(name);
    opened.push(db);
    expect((await new EvalRunsRepository(db).running()).map((row) => row.id)).toEqual(['left-running']);
    expect(await db.evalRuns.where('connectorId').equals('kept').count()).toBe(2);
    expect(await db.audit.where('[kind+connectorId+at]').between(['server-request', 'kept', Dexie.minKey], ['server-request', 'kept', Dexie.maxKey]).count()).toBe(1);
  });
});
