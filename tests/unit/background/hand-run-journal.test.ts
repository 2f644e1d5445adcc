import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryArea } from '@/lib/auth/oauth-store';
import { createHandRunHandlers } from '@/lib/background/hand-run-handlers';
import { HandRunJournal, recoverHandRuns } from '@/lib/background/hand-run-journal';
import type { KeyValueArea } from '@/lib/browser/key-value-area';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { ConnectorsRepository } from '@/lib/db/repositories/connectors-repository';
import { DecisionsRepository } from '@/lib/db/repositories/decisions-repository';
import { connectorRow, until } from '../chat/engine-harness';
import { auditNewest } from '../../fixtures/audit-rows';

let db: PatchbayDatabase;
let area: KeyValueArea;
let audit: DecisionsRepository;
let counter = 0;

beforeEach(async () => {
  db = await openDatabase(`patchbay-hand-run-journal-${++counter}`);
  await new ConnectorsRepository(db).put(connectorRow());
  area = memoryArea();
  audit = new DecisionsRepository(db);
});
afterEach(() => db.close());

function handlers(callTool: () => Promise<CallToolResult>) {
  return createHandRunHandlers({ hub: { callTool }, connectors: new ConnectorsRepository(db), audit, journal: new HandRunJournal(area), broadcast: () => undefined });
}

describe('a hand run of a write tool cut off by the worker dying', () => {
  it('is audited at the next wake as outcome-unknown, with its input', async () => {
    // The worker "dies" mid-call: the request never settles in this process.
    void handlers(() => new Promise<never>(() => undefined))['connectors.callTool']({ id: 'conn-1', callId: 'hand-1', toolName: 'write_file', args: { path: 'a.txt', text: 'hi' } });
    await until(async () => (await new HandRunJournal(area).inFlight()).length === 1);
    expect(await auditNewest(db, 10)).toEqual([]);

    // The next worker wakes over the same storage.
    await recoverHandRuns(new HandRunJournal(area), audit);
    const rows = await auditNewest(db, 10);
    expect(rows.map((row) => [row.kind, row.toolName, row.connectorId, row.detail.outcome, row.detail.callId, row.detail.input])).toEqual([
      ['hand-run', 'write_file', 'conn-1', 'outcome-unknown', 'hand-1', { path: 'a.txt', text: 'hi' }],
    ]);
    expect(await new HandRunJournal(area).inFlight()).toEqual([]);
    // A second wake finds nothing more to record.
    await recoverHandRuns(new HandRunJournal(area), audit);
    expect(await auditNewest(db, 10)).toHaveLength(1);
  });

  it('leaves nothing in the journal once a run has ended and been audited', async () => {
    await handlers(async () => ({ content: [{ type: 'text', text: 'written' }] }))['connectors.callTool']({ id: 'conn-1', callId: 'hand-2', toolName: 'write_file', args: { path: 'a', text: 'b' } });
    expect(await new HandRunJournal(area).inFlight()).toEqual([]);
    await recoverHandRuns(new HandRunJournal(area), audit);
    expect((await auditNewest(db, 10)).map((row) => row.detail.outcome)).toEqual(['ok']);
  });

  it('never journals a read-only hand run, which is not audited', async () => {
    const written: string[] = [];
    const inner = area;
    area = { ...inner, set: (key, value) => (written.push(key), inner.set(key, value)) };
    await handlers(async () => ({ content: [] }))['connectors.callTool']({ id: 'conn-1', callId: 'hand-3', toolName: 'read_file', args: { path: 'a' } });
    expect(written).toEqual([]);
  });
});
