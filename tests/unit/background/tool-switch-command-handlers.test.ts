import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createToolSwitchCommandHandlers } from '@/lib/background/tool-switch-command-handlers';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { ConnectorsRepository } from '@/lib/db/repositories/connectors-repository';
import { switchesAfterFetch } from '@/lib/mcp/catalog/tool-switches';
import { commandProtocol } from '@/lib/messaging/command-protocol';
import { connectorRow } from '../chat/engine-harness';

let db: PatchbayDatabase;
let connectors: ConnectorsRepository;
let counter = 0;

beforeEach(async () => {
  db = await openDatabase(`patchbay-bulk-switch-${++counter}`);
  connectors = new ConnectorsRepository(db);
  await connectors.put(connectorRow());
});
afterEach(() => db.close());

const bulk = (toolNames: string[], enabled: boolean, id = 'conn-1') =>
  createToolSwitchCommandHandlers({ connectors })['connectors.setToolsEnabled']({ id, toolNames, enabled });

describe('Enable all / Disable all: one command, one write', () => {
  it('switches every named tool off, remembered by name, and on again', async () => {
    expect(await bulk(['read_file', 'write_file'], false)).toEqual({ switched: 2 });
    let row = (await connectors.get('conn-1'))!;
    expect(row.enabledTools).toEqual([]);
    expect([...row.disabledTools!].sort()).toEqual(['read_file', 'write_file']);
    // A refresh that lists them again keeps them off: the off was remembered as a single flip's is.
    expect(switchesAfterFetch(row, row.tools).enabledTools).toEqual([]);

    expect(await bulk(['read_file', 'write_file'], true)).toEqual({ switched: 2 });
    row = (await connectors.get('conn-1'))!;
    expect([...row.enabledTools].sort()).toEqual(['read_file', 'write_file']);
    expect(row.disabledTools).toEqual([]);
  });

  it('touches only the named (filtered) tools and never invents one the server does not list', async () => {
    expect(await bulk(['write_file', 'made_up', 'write_file'], false)).toEqual({ switched: 1 });
    expect(await bulk(['made_up'], true)).toEqual({ switched: 0 });
    const row = (await connectors.get('conn-1'))!;
    expect(row.enabledTools).toEqual(['read_file']);
    expect(row.disabledTools).toEqual(['write_file']);
  });

  it('refuses an unknown connector, and the protocol refuses a shape that is not a list of names', async () => {
    await expect(bulk(['read_file'], false, 'nope')).rejects.toThrow(/No connector/);
    const request = commandProtocol['connectors.setToolsEnabled'].request;
    expect(request.safeParse({ id: 'conn-1', toolNames: 'read_file', enabled: false }).success).toBe(false);
    expect(request.safeParse({ id: 'conn-1', toolNames: Array.from({ length: 10_001 }, (_, i) => `t${i}`), enabled: false }).success).toBe(false);
  });
});
