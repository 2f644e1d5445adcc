import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ZodError } from 'zod';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { PatchbayDatabase } from '@/lib/db/database';
import { CorruptRowError } from '@/lib/db/corrupt-row-error';
import { openDatabase } from '@/lib/db/open-database';
import { connectorRowCache } from '@/lib/db/repositories/connector-row-cache';
import { ConnectorsRepository } from '@/lib/db/repositories/connectors-repository';
import { fingerprintTools, mergeToolCatalog } from '@/lib/mcp/catalog/tool-catalog';
import { switchTool } from '@/lib/mcp/catalog/tool-switches';
import { newConnectorRow } from '@/lib/mcp/connectors/save-connector';

let db: PatchbayDatabase;
let connectors: ConnectorsRepository;
let counter = 0;
const ids = Array.from({ length: 20 }, (_, index) => `c${String(index).padStart(2, '0')}`);
const tools = (count: number, words = 'Finds things.'): Tool[] =>
  Array.from({ length: count }, (_, index) => ({ name: `tool_${index}`, description: words, inputSchema: { type: 'object' as const }, annotations: { readOnlyHint: true } }));

beforeEach(async () => {
  db = await openDatabase(`patchbay-write-batch-${++counter}`);
  connectors = new ConnectorsRepository(db, connectorRowCache(db));
  for (const id of ids) await connectors.put({ ...newConnectorRow(id, 1), label: `Label ${id}`, url: `http://127.0.0.1:1/${id}` });
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

/** Stores a fetched list the way a refresh does: merged into the row as stored. */
async function storeList(id: string, list: Tool[], now: number) {
  const fingerprints = await fingerprintTools(list);
  return connectors.updateWith(id, (stored) => mergeToolCatalog(stored, { tools: list, fingerprints, now, userInitiated: true }).patch);
}

describe('connector writes that arrive together', () => {
  it('share one transaction: twenty tool lists stored at once are one write, not twenty', async () => {
    const fingerprints = await fingerprintTools(tools(100));
    const transactions = vi.spyOn(db, 'transaction');
    const stored = await Promise.all(ids.map((id) => connectors.updateWith(id, (row) => mergeToolCatalog(row, { tools: tools(100), fingerprints, now: 2, userInitiated: true }).patch)));
    expect(transactions).toHaveBeenCalledTimes(1);
    expect(stored.map((row) => row?.tools.length)).toEqual(ids.map(() => 100));
    for (const id of ids) expect((await connectors.get(id))?.toolsFetchedAt).toBe(2);
  });

  it('that arrive while one is being stored wait for it, and then share the next', async () => {
    const transactions = vi.spyOn(db, 'transaction');
    const first = connectors.update(ids[0]!, { timeoutMs: 5_000 });
    // Queued after the first transaction started: they share one more.
    await Promise.resolve();
    await Promise.resolve();
    const rest = ids.slice(1).map((id) => connectors.update(id, { timeoutMs: 6_000 }));
    await Promise.all([first, ...rest]);
    expect(transactions.mock.calls.length).toBeLessThanOrEqual(2);
    expect((await connectors.get(ids[0]!))?.timeoutMs).toBe(5_000);
    expect((await connectors.get(ids[19]!))?.timeoutMs).toBe(6_000);
  });

  it('each see the row as stored, in arrival order: a switch flipped beside a refresh is kept', async () => {
    await storeList('c00', tools(3), 2);
    const list = tools(3, 'Finds other things.');
    const fingerprints = await fingerprintTools(list);
    const refreshed = connectors.updateWith('c00', (stored) => mergeToolCatalog(stored, { tools: list, fingerprints, now: 3, userInitiated: true }).patch);
    const switched = connectors.updateWith('c00', (row) => switchTool(row, 'tool_1', false));
    const [afterRefresh, afterSwitch] = await Promise.all([refreshed, switched]);
    const row = (await connectors.get('c00'))!;
    expect(afterRefresh?.enabledTools).toEqual(['tool_0', 'tool_1', 'tool_2']);
    expect(afterSwitch).toEqual(row);
    expect(row.toolsFetchedAt).toBe(3);
    expect(row.enabledTools).toEqual(['tool_0', 'tool_2']);
    expect(row.toolChanges?.changed.map((change) => change.name)).toEqual(['tool_0', 'tool_1', 'tool_2']);
  });

  it('fail alone: a change that throws, or whose row fails its schema, leaves the others stored', async () => {
    const thrown = connectors.updateWith('c01', () => {
      throw new Error('no');
    });
    const invalid = connectors.update('c02', { timeoutMs: -1 });
    const fine = connectors.update('c03', { timeoutMs: 7_000 });
    await expect(thrown).rejects.toThrow('no');
    await expect(invalid).rejects.toBeInstanceOf(ZodError);
    expect((await fine)?.timeoutMs).toBe(7_000);
    expect((await connectors.get('c02'))?.timeoutMs).not.toBe(-1);
  });

  it('build on the last valid row when an earlier change to it failed', async () => {
    const invalid = connectors.update('c04', { label: '' });
    const valid = connectors.update('c04', { timeoutMs: 8_000 });
    await expect(invalid).rejects.toBeInstanceOf(ZodError);
    expect(await valid).toMatchObject({ label: 'Label c04', timeoutMs: 8_000 });
  });

  it('answer undefined for a removed connector, and a corrupt row fails only its own change', async () => {
    await db.connectors.put({ id: 'broken', label: 'Broken' } as never);
    const [gone, broken, fine] = await Promise.allSettled([
      connectors.update('never-stored', { timeoutMs: 9_000 }),
      connectors.update('broken', { timeoutMs: 9_000 }),
      connectors.update('c05', { timeoutMs: 9_000 }),
    ]);
    expect(gone).toEqual({ status: 'fulfilled', value: undefined });
    expect(broken.status === 'rejected' && broken.reason).toBeInstanceOf(CorruptRowError);
    expect(fine.status === 'fulfilled' && fine.value?.timeoutMs).toBe(9_000);
    expect(await db.connectors.get('never-stored')).toBeUndefined();
  });

  it('inside a caller\'s own transaction are made in that transaction, not deferred past it', async () => {
    const row = await db.transaction('rw', db.connectors, async () => {
      const updated = await connectors.update('c06', { timeoutMs: 10_000 });
      return { updated, seen: await db.connectors.get('c06') };
    });
    expect(row.updated?.timeoutMs).toBe(10_000);
    expect(row.seen?.timeoutMs).toBe(10_000);
  });

  it('all fail with the storage error when the transaction itself fails, and nothing is half stored', async () => {
    vi.spyOn(db.connectors, 'bulkPut').mockRejectedValueOnce(new DOMException('Quota exceeded', 'QuotaExceededError'));
    const results = await Promise.allSettled([connectors.update('c07', { timeoutMs: 11_000 }), connectors.update('c08', { timeoutMs: 11_000 })]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect((await connectors.get('c07'))?.timeoutMs).not.toBe(11_000);
    // The next write is not stuck behind the failed one.
    expect((await connectors.update('c07', { timeoutMs: 12_000 }))?.timeoutMs).toBe(12_000);
  });
});
