import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { ProtocolLogRepository } from '@/lib/db/repositories/protocol-log-repository';

let db: PatchbayDatabase;
let counter = 0;

beforeEach(async () => {
  db = await openDatabase(`patchbay-protocol-log-${++counter}`);
});
afterEach(() => db.close());

const frame = (at: number, method: string | null) => ({ at, direction: 'out' as const, method, httpStatus: null, durationMs: null, sizeBytes: 10, frame: { at } });

/** Ring of 8 for connector `a`: one `initialize` and one unmatched response long ago, then pings. */
async function seed(log: ProtocolLogRepository): Promise<void> {
  await log.append('a', [frame(1, 'initialize'), frame(2, null), frame(3, 'tools/call'), frame(4, 'tools/call')]);
  await log.append('a', [5, 6, 7, 8].map((at) => frame(at, 'ping')));
  await log.append('b', [frame(9, 'resources/list'), frame(10, 'tools/call')]);
}

describe('protocol log: filtering by method over the whole ring', () => {
  it('finds a method older than the newest frames shown, newest first, and only that connector’s', async () => {
    const log = new ProtocolLogRepository(db, 8);
    await seed(log);
    // The newest 3 are all pings: a filter over them alone would find no tools/call.
    expect((await log.newest('a', 3)).map((f) => f.method)).toEqual(['ping', 'ping', 'ping']);
    expect((await log.newest('a', 3, 'tools/call')).map((f) => f.at)).toEqual([4, 3]);
    expect((await log.newest('a', 1, 'tools/call')).map((f) => f.at)).toEqual([4]);
    expect((await log.newest('a', 3, null)).map((f) => f.at)).toEqual([2]);
    expect(await log.newest('a', 3, 'resources/list')).toEqual([]);
  });

  it('lists every method in the ring, not only the newest, with unnamed frames last', async () => {
    const log = new ProtocolLogRepository(db, 8);
    await seed(log);
    expect(await log.methods('a')).toEqual(['initialize', 'ping', 'tools/call', null]);
    expect(await log.methods('b')).toEqual(['resources/list', 'tools/call']);
  });

  it('stops offering a method once the ring has dropped its last frame', async () => {
    const log = new ProtocolLogRepository(db, 4);
    await seed(log);
    expect(await log.methods('a')).toEqual(['ping']);
    expect(await log.newest('a', 10, 'initialize')).toEqual([]);
  });
});
