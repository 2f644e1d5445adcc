import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryArea } from '@/lib/auth/oauth-store';
import { createHandRunHandlers, type HandRunHandlers } from '@/lib/background/hand-run-handlers';
import { HandRunJournal } from '@/lib/background/hand-run-journal';
import { DecisionsRepository } from '@/lib/db/repositories/decisions-repository';
import { auditToJson } from '@/lib/policy/audit-export';
import { startPolicyServer, type PolicyServer } from '../fixtures/mcp-servers/policy-server';
import { startServerEverything } from '../fixtures/mcp-servers/server-everything';
import { HubHarness, waitFor } from './connector-hub-harness';
import { auditNewest } from '../fixtures/audit-rows';

describe('a tool run by hand', () => {
  let server: PolicyServer;
  let harness: HubHarness;
  let decisions: DecisionsRepository;
  let handlers: HandRunHandlers;
  let id: string;

  beforeEach(async () => {
    server = await startPolicyServer();
    harness = await HubHarness.create();
    decisions = new DecisionsRepository(harness.db);
    handlers = createHandRunHandlers({ hub: harness.hub, connectors: harness.connectors, audit: decisions, journal: new HandRunJournal(memoryArea()), broadcast: () => undefined });
    id = await harness.add('Notes', server.url, 'streamable-http');
    await harness.hub.start();
    await harness.waitReady(id);
  });
  afterEach(async () => {
    await harness.close();
    await server.close();
  });

  const audit = async () => (await auditNewest(harness.db, 100)).reverse();

  it('of a write tool leaves an audit row with the input sent, the outcome and the time it took', async () => {
    const input = { title: 'Groceries', body: 'Milk' };
    await handlers['connectors.callTool']({ id, callId: 'hand-1', toolName: 'write_note', args: input });
    expect(server.calls.map((call) => call.name)).toEqual(['write_note']);
    const rows = await audit();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'hand-run', connectorId: id, toolName: 'write_note', conversationId: '' });
    expect(rows[0]!.detail).toMatchObject({ callId: 'hand-1', input, outcome: 'ok', isError: false, risk: 'write' });
    expect(rows[0]!.detail.durationMs).toEqual(expect.any(Number));
    // The export carries it too.
    const exported = JSON.parse(auditToJson(rows)) as { entries: { kind: string; detail: { input: unknown } }[] };
    expect(exported.entries).toEqual([expect.objectContaining({ kind: 'hand-run', detail: expect.objectContaining({ input }) })]);
  });

  it('of a read-only tool is not audited, as in the chat; under "Ask before every tool" it is', async () => {
    await handlers['connectors.callTool']({ id, callId: 'hand-2', toolName: 'read_notes', args: {} });
    expect(await audit()).toEqual([]);
    await harness.connectors.update(id, { askAlways: true });
    await handlers['connectors.callTool']({ id, callId: 'hand-3', toolName: 'read_notes', args: {} });
    const rows = await audit();
    expect(rows.map((row) => [row.kind, row.toolName, row.detail.outcome, row.detail.risk])).toEqual([['hand-run', 'read_notes', 'ok', 'read-only']]);
  });

  it('that fails still leaves its row, with the failure, and the panel still gets the error', async () => {
    await server.close();
    await expect(handlers['connectors.callTool']({ id, callId: 'hand-4', toolName: 'delete_note', args: { id: 'n1' } })).rejects.toThrow();
    const rows = await audit();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.detail).toMatchObject({ callId: 'hand-4', input: { id: 'n1' }, outcome: 'error', risk: 'destructive' });
    expect(String(rows[0]!.detail.error)).not.toEqual('');
    server = await startPolicyServer();
  });

  it('that the schema refuses is never sent and never audited: nothing happened', async () => {
    await expect(handlers['connectors.callTool']({ id, callId: 'hand-5', toolName: 'write_note', args: { title: 7 } })).rejects.toThrow(/input schema/);
    expect(server.calls).toEqual([]);
    expect(await audit()).toEqual([]);
  });
});

describe('a hand run stopped by the user', () => {
  it('leaves its row with the outcome cancelled', async () => {
    const server = await startServerEverything('streamableHttp');
    const harness = await HubHarness.create();
    try {
      const decisions = new DecisionsRepository(harness.db);
      const progress: unknown[] = [];
      const handlers = createHandRunHandlers({ hub: harness.hub, connectors: harness.connectors, audit: decisions, journal: new HandRunJournal(memoryArea()), broadcast: (event) => void progress.push(event) });
      const id = await harness.add('Everything', server.url, 'streamable-http');
      await harness.hub.start();
      await harness.waitReady(id);
      // The long operation claims readOnlyHint: audited here because the user asked to be asked before every tool.
      await harness.connectors.update(id, { askAlways: true });
      const running = handlers['connectors.callTool']({ id, callId: 'long-1', toolName: 'trigger-long-running-operation', args: { duration: 30, steps: 30 } });
      await waitFor(() => progress.length > 0, 'the first progress report');
      expect(await handlers['connectors.cancelCall']({ callId: 'long-1' })).toEqual({ cancelled: true });
      await expect(running).rejects.toThrow();
      const rows = await auditNewest(harness.db, 10);
      expect(rows.map((row) => [row.kind, row.toolName, row.detail.outcome, row.detail.callId])).toEqual([['hand-run', 'trigger-long-running-operation', 'cancelled', 'long-1']]);
    } finally {
      await harness.close();
      await server.close();
    }
  });
});
