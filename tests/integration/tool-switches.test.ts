import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConnectorCommandHandlers, type ConnectorCommandHandlers } from '@/lib/background/connector-command-handlers';
import { HandRunJournal } from '@/lib/background/hand-run-journal';
import { memoryArea } from '@/lib/auth/oauth-store';
import { DecisionsRepository } from '@/lib/db/repositories/decisions-repository';
import { ProtocolLogRepository } from '@/lib/db/repositories/protocol-log-repository';
import { ProtocolLogWriter } from '@/lib/mcp/protocol-log/protocol-log-writer';
import type { ConnectorRow } from '@/lib/db/rows';
import { startPolicyServer, type PolicyServer } from '../fixtures/mcp-servers/policy-server';
import { HubHarness } from './connector-hub-harness';

const listed = (row: ConnectorRow, name: string) => row.tools.some((tool) => tool.name === name);

/** The Connectors tab's handlers over a harness's hub: the switch goes the way the panel sends it. */
function handlersOf(harness: HubHarness): ConnectorCommandHandlers {
  const protocolLog = new ProtocolLogRepository(harness.db);
  return createConnectorCommandHandlers({
    hub: harness.hub,
    connectors: harness.connectors,
    protocolLog,
    logWriter: new ProtocolLogWriter(protocolLog),
    secrets: harness.secrets,
    audit: new DecisionsRepository(harness.db),
    journal: new HandRunJournal(memoryArea()),
    broadcast: () => {},
  });
}

// A tool the user switched off stays off, whatever makes the session fetch the list again.
describe('tool switches stick', () => {
  let server: PolicyServer;
  let harness: HubHarness;
  let handlers: ConnectorCommandHandlers;
  let id: string;

  const switchTool = (toolName: string, enabled: boolean) => handlers['connectors.setToolEnabled']({ id, toolName, enabled });
  /** Waits for a tool list fetched after `since`, then returns the stored row. */
  const fetchedAfter = (since: number, what: string) => harness.waitForRow(id, (row) => (row.toolsFetchedAt ?? 0) > since, what);

  beforeEach(async () => {
    server = await startPolicyServer();
    harness = await HubHarness.create();
    handlers = handlersOf(harness);
    id = await harness.add('Notes', server.url, 'streamable-http');
    await harness.hub.start();
    const ready = await harness.waitReady(id);
    expect(ready.enabledTools.sort()).toEqual(['delete_note', 'read_notes', 'write_note']);
    await switchTool('write_note', false);
  });
  afterEach(async () => {
    await harness.close();
    await server.close();
  });

  it('through Refresh tools', async () => {
    await harness.hub.refreshTools(id);
    const row = await harness.row(id);
    expect(row.enabledTools).not.toContain('write_note');
    expect(row.enabledTools.sort()).toEqual(['delete_note', 'read_notes']);
  });

  it('through notifications/tools/list_changed', async () => {
    await harness.waitForRow(id, () => server.openEventStreams() > 0, 'the event stream list_changed travels on');
    await server.setDescription('read_notes', 'Lists the notes, changed under you.');
    const row = await harness.waitForRow(id, (r) => r.tools.some((t) => t.description === 'Lists the notes, changed under you.'), 'the changed list stored');
    expect(row.enabledTools).not.toContain('write_note');
  });

  it('through a tool that leaves the list and comes back', async () => {
    await harness.waitForRow(id, () => server.openEventStreams() > 0, 'the event stream list_changed travels on');
    await server.setListed('write_note', false);
    await harness.waitForRow(id, (row) => !listed(row, 'write_note'), 'write_note gone from the stored list');
    await server.setListed('write_note', true);
    const row = await harness.waitForRow(id, (r) => listed(r, 'write_note'), 'write_note back in the stored list');
    expect(row.enabledTools).not.toContain('write_note');
    expect(row.enabledTools).toContain('read_notes');
  });

  it('through a reconnect the user asked for', async () => {
    const before = (await harness.row(id)).toolsFetchedAt!;
    await harness.hub.reconnect(id);
    await harness.waitForState(id, 'connected');
    expect((await fetchedAfter(before, 'the list fetched on reconnect')).enabledTools).not.toContain('write_note');
  });

  it('through a new session after the server forgot the old one', async () => {
    const { sessionId, toolsFetchedAt } = await harness.row(id);
    await server.forgetSessions();
    await harness.hub.callTool(id, 'read_notes', {}, {});
    const row = await harness.waitForRow(id, (r) => r.sessionId !== sessionId && (r.toolsFetchedAt ?? 0) > toolsFetchedAt!, 'a new session and its tool list');
    expect(row.enabledTools).not.toContain('write_note');
  });

  it('through a worker restart (a new hub over the same database), and a switch made after it', async () => {
    const before = (await harness.row(id)).toolsFetchedAt!;
    await harness.close();
    harness = harness.restarted();
    handlers = handlersOf(harness);
    await harness.hub.start();
    await harness.waitForState(id, 'connected');
    expect((await fetchedAfter(before, 'the list fetched after the restart')).enabledTools).not.toContain('write_note');

    await switchTool('delete_note', false);
    await harness.hub.refreshTools(id);
    expect((await harness.row(id)).enabledTools).toEqual(['read_notes']);
  });

  it('and a tool switched back on stays on', async () => {
    await switchTool('write_note', true);
    await harness.hub.refreshTools(id);
    await server.setListed('write_note', false);
    await harness.waitForRow(id, (row) => !listed(row, 'write_note'), 'write_note gone');
    await server.setListed('write_note', true);
    expect((await harness.waitForRow(id, (r) => listed(r, 'write_note'), 'write_note back')).enabledTools).toContain('write_note');
  });
});
