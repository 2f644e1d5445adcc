import { afterEach, describe, expect, it } from 'vitest';
import { createSavedCallCommandHandlers, SAVED_CALL_MAX_BYTES } from '@/lib/background/saved-call-command-handlers';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { savedCallCommandProtocol } from '@/lib/messaging/saved-call-command-protocol';
import { connectorRow } from '../chat/engine-harness';

let counter = 0;
let db: PatchbayDatabase | undefined;
afterEach(() => db?.close());

async function setup() {
  db = await openDatabase(`patchbay-saved-calls-${++counter}-${Date.now()}`);
  const row = connectorRow();
  let clock = 1_000;
  return createSavedCallCommandHandlers({ db, connectors: { get: async (id) => (id === row.id ? row : undefined) }, now: () => clock++ });
}

describe('saved calls', () => {
  it('save a hand run by name per tool, rename and delete it', async () => {
    const handlers = await setup();
    const { id } = await handlers['savedCalls.save']({ connectorId: 'conn-1', toolName: 'read_file', name: 'Readme', args: { path: '/README.md' } });
    await handlers['savedCalls.save']({ connectorId: 'conn-1', toolName: 'write_file', name: 'Other tool', args: { path: '/x', text: 'y' } });
    const forTool = await db!.savedCalls.where('[connectorId+toolName]').equals(['conn-1', 'read_file']).toArray();
    expect(forTool).toEqual([{ id, connectorId: 'conn-1', toolName: 'read_file', name: 'Readme', args: { path: '/README.md' }, savedAt: 1_000 }]);
    await handlers['savedCalls.rename']({ id, name: 'The readme' });
    expect(await db!.savedCalls.get(id)).toMatchObject({ name: 'The readme', updatedAt: 1_002 });
    await handlers['savedCalls.delete']({ id });
    expect(await db!.savedCalls.get(id)).toBeUndefined();
  });

  it('refuse a tool the connector does not offer, an oversized input, a missing row and a blank name', async () => {
    const handlers = await setup();
    await expect(handlers['savedCalls.save']({ connectorId: 'conn-1', toolName: 'nope', name: 'x', args: {} })).rejects.toThrow(/does not offer a tool named nope/);
    await expect(handlers['savedCalls.save']({ connectorId: 'conn-1', toolName: 'read_file', name: 'big', args: { path: 'x'.repeat(SAVED_CALL_MAX_BYTES) } })).rejects.toThrow(/larger than/);
    await expect(handlers['savedCalls.rename']({ id: 'missing', name: 'x' })).rejects.toThrow(/no longer exists/);
    expect(savedCallCommandProtocol['savedCalls.save'].request.safeParse({ connectorId: 'c', toolName: 't', name: '   ', args: {} }).success).toBe(false);
    expect(await db!.savedCalls.count()).toBe(0);
  });
});
