import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { findPartnerFrame, listFrames, listedMethods, readFrames, searchFrames, type FrameFilter } from '@/lib/db/repositories/protocol-log-listing';
import { ProtocolLogRepository } from '@/lib/db/repositories/protocol-log-repository';

let db: PatchbayDatabase;
let counter = 0;
beforeEach(async () => {
  db = await openDatabase(`patchbay-log-listing-${++counter}`);
});
afterEach(() => db.close());

const out = (at: number, body: Record<string, unknown>) => ({ at, direction: 'out' as const, method: (body.method as string) ?? null, httpStatus: null, durationMs: null, sizeBytes: 10, frame: { jsonrpc: '2.0', ...body } });
const inn = (at: number, body: Record<string, unknown>, method: string | null = null) => ({ ...out(at, body), direction: 'in' as const, method });
const http = (at: number, status: number) => ({ at, direction: 'in' as const, method: 'HTTP POST', httpStatus: status, durationMs: 3, sizeBytes: 0, frame: { request: { method: 'POST' }, response: { status } } });
const every: FrameFilter = { connectorId: null, kind: 'all', level: null };

async function seed(): Promise<ProtocolLogRepository> {
  const log = new ProtocolLogRepository(db);
  // Recorded out of time order across connectors: b's batch lands first.
  await log.append('b', [out(15, { id: 1, method: 'ping' }), inn(16, { id: 1, result: {} }, 'ping')]);
  await log.append('a', [
    out(10, { id: 1, method: 'tools/call', params: { name: 'echo' } }),
    http(11, 200),
    inn(20, { method: 'notifications/message', params: { level: 'warning', data: 'disk needle-7 low' } }, 'notifications/message'),
    inn(30, { id: 1, result: { content: [{ type: 'text', text: 'Echo: hi' }] } }, 'tools/call'),
  ]);
  return log;
}

const ats = async (filter: FrameFilter) => (await readFrames(db, await listFrames(db, filter))).map((f) => f.at);

describe('protocol log listing', () => {
  it('lists every connector oldest first by time, and one connector from its index alone', async () => {
    await seed();
    expect(await ats(every)).toEqual([10, 11, 15, 16, 20, 30]);
    expect(await ats({ ...every, connectorId: 'a' })).toEqual([10, 11, 20, 30]);
    expect(await ats({ ...every, connectorId: 'a', window: { from: 11, to: 20 } })).toEqual([11, 20]);
    expect(await ats({ ...every, window: { from: 12, to: 16 } })).toEqual([15, 16]);
  });

  it('separates JSON-RPC from HTTP, and filters by method and by level', async () => {
    await seed();
    expect(await ats({ ...every, kind: 'http' })).toEqual([11]);
    expect(await ats({ ...every, kind: 'jsonrpc' })).toEqual([10, 15, 16, 20, 30]);
    expect(await ats({ ...every, method: 'tools/call' })).toEqual([10, 30]);
    expect(await ats({ ...every, method: 'notifications/message', level: 'warning' })).toEqual([20]);
    expect(await ats({ ...every, method: 'notifications/message', level: 'error' })).toEqual([]);
    expect(await listedMethods(db, 'a')).toEqual(['HTTP POST', 'notifications/message', 'tools/call']);
  });

  it('pages the reads by position: a page holds only the ids it names', async () => {
    await seed();
    const listing = await listFrames(db, every);
    expect((await readFrames(db, listing.slice(2, 4))).map((f) => f.at)).toEqual([15, 16]);
  });

  it('searches the listed frames and says where the matches are', async () => {
    await seed();
    const listing = await listFrames(db, every);
    expect(await searchFrames(db, listing, 'NEEDLE-7', 2)).toEqual([4]);
    expect(await searchFrames(db, listing, 'echo', 2)).toEqual([0, 5]);
    expect(await searchFrames(db, await listFrames(db, { ...every, connectorId: 'b' }), 'echo')).toEqual([]);
    expect(await searchFrames(db, listing, '')).toEqual([]);
  });

  it('finds the other half of a pair from either side, within its own connector', async () => {
    await seed();
    const frames = await readFrames(db, await listFrames(db, every));
    const byAt = (at: number) => frames.find((f) => f.at === at)!;
    expect((await findPartnerFrame(db, byAt(10)))?.at).toBe(30);
    expect((await findPartnerFrame(db, byAt(30)))?.at).toBe(10);
    // b's id 1 is its own: not a's tools/call.
    expect((await findPartnerFrame(db, byAt(15)))?.at).toBe(16);
    expect(await findPartnerFrame(db, byAt(20))).toBeNull();
    expect(await findPartnerFrame(db, byAt(11))).toBeNull();
  });

  it('lists 5,000 frames per connector in time order without reading their bodies', async () => {
    const log = new ProtocolLogRepository(db);
    const frames = Array.from({ length: 5_000 }, (_, i) => out(i, { method: 'notifications/progress', params: { i } }));
    await log.append('a', frames);
    await log.append('b', frames.slice(0, 10));
    const listing = await listFrames(db, every);
    expect(listing).toHaveLength(5_010);
    const firstPage = await readFrames(db, listing.slice(0, 12));
    expect(firstPage.map((f) => f.at)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
});
