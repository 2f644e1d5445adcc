import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '@/lib/db/open-database';
import { ProtocolLogRepository } from '@/lib/db/repositories/protocol-log-repository';
import { ProtocolLogWriter } from '@/lib/mcp/protocol-log/protocol-log-writer';
import type { WireEvent } from '@/lib/mcp/protocol-log/wire-event';

const event = (at: number): WireEvent => ({ at, direction: 'out', method: 'ping', httpStatus: null, durationMs: null, sizeBytes: 10, frame: { at } });

/** A repository stand-in that only counts what it is asked to store, and in how many writes. */
function countingRepository(fail = false) {
  const appends: { connectorId: string; count: number }[] = [];
  const writes = { all: 0, one: 0 };
  const repository = {
    appendAll: async (batches: { connectorId: string; frames: unknown[] }[]) => {
      writes.all += 1;
      if (fail) throw new Error('disk full');
      for (const { connectorId, frames } of batches) appends.push({ connectorId, count: frames.length });
      return batches.map(() => 0);
    },
    append: async (connectorId: string, frames: unknown[]) => {
      writes.one += 1;
      if (fail) throw new Error('disk full');
      appends.push({ connectorId, count: frames.length });
      return 0;
    },
  } as unknown as ProtocolLogRepository;
  return { appends, writes, repository };
}

afterEach(() => vi.useRealTimers());

describe('ProtocolLogWriter', () => {
  it('batches frames per connector into one write for all of them a quarter second later', async () => {
    vi.useFakeTimers();
    const { appends, writes, repository } = countingRepository();
    const writer = new ProtocolLogWriter(repository);
    for (let i = 0; i < 5; i++) writer.record('a', event(i));
    writer.record('b', event(9));
    await vi.advanceTimersByTimeAsync(249);
    expect(appends).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(appends).toEqual([{ connectorId: 'a', count: 5 }, { connectorId: 'b', count: 1 }]);
    expect(writes).toEqual({ all: 1, one: 0 });
  });

  it('waits while the traffic goes on: a burst is written in one go, a quarter second after its last frame', async () => {
    vi.useFakeTimers();
    const { appends, writes, repository } = countingRepository();
    const writer = new ProtocolLogWriter(repository);
    // A refresh of every connector: an answer every 100 ms, for longer than the quiet delay.
    for (let i = 0; i < 4; i++) {
      writer.record(`c${i}`, event(i));
      await vi.advanceTimersByTimeAsync(100);
    }
    // 400 ms after the first frame, 100 ms after the last: nothing written in the middle of the burst.
    expect(writes.all).toBe(0);
    await vi.advanceTimersByTimeAsync(149);
    expect(writes.all).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(appends).toEqual([0, 1, 2, 3].map((i) => ({ connectorId: `c${i}`, count: 1 })));
    expect(writes).toEqual({ all: 1, one: 0 });
  });

  it('never holds a frame more than a second, however busy the traffic', async () => {
    vi.useFakeTimers();
    const { appends, repository } = countingRepository();
    const writer = new ProtocolLogWriter(repository);
    // A frame every 150 ms, never a quarter second of quiet: frames at 0, 150, … 900 ms are due at 1 s.
    for (let i = 0; i < 7; i++) {
      writer.record('busy', event(i));
      await vi.advanceTimersByTimeAsync(150);
    }
    await vi.advanceTimersByTimeAsync(1_000 - 7 * 150 + 149);
    expect(appends).toEqual([{ connectorId: 'busy', count: 7 }]);
    // The next batch counts its second from its own first frame.
    writer.record('busy', event(7));
    await vi.advanceTimersByTimeAsync(249);
    expect(appends).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(appends).toEqual([{ connectorId: 'busy', count: 7 }, { connectorId: 'busy', count: 1 }]);
  });

  it('writes at once when 200 frames are waiting', async () => {
    vi.useFakeTimers();
    const { appends, repository } = countingRepository();
    const writer = new ProtocolLogWriter(repository);
    for (let i = 0; i < 200; i++) writer.record('a', event(i));
    await vi.advanceTimersByTimeAsync(0);
    expect(appends).toEqual([{ connectorId: 'a', count: 200 }]);
    writer.record('a', event(201));
    await writer.flush();
    expect(appends).toEqual([{ connectorId: 'a', count: 200 }, { connectorId: 'a', count: 1 }]);
  });

  it('drops what is buffered for a forgotten connector, and survives a failed write', async () => {
    const { appends, writes, repository } = countingRepository(true);
    const writer = new ProtocolLogWriter(repository);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    writer.record('gone', event(1));
    writer.forget('gone');
    writer.record('kept', event(2));
    await writer.flush();
    writer.record('kept', event(3));
    await writer.flush();
    // The shared write failed, so each connector's frames were tried on their own, and that failed too.
    expect(writes).toEqual({ all: 2, one: 2 });
    expect(appends).toEqual([]);
    expect(logged).toHaveBeenCalledTimes(2);
    logged.mockRestore();
  });

  it('keeps the counts when the bounded ring drops old frames', async () => {
    const db = await openDatabase('patchbay-protocol-log-writer');
    try {
      const repository = new ProtocolLogRepository(db, 5);
      const writer = new ProtocolLogWriter(repository);
      for (let i = 0; i < 8; i++) writer.record('a', event(i));
      await writer.flush();
      for (let i = 8; i < 12; i++) writer.record('a', event(i));
      await writer.flush();
      expect(await repository.stats('a')).toEqual({ connectorId: 'a', total: 12, dropped: 7 });
      expect((await repository.newest('a', 10)).map((row) => row.at)).toEqual([11, 10, 9, 8, 7]);
    } finally {
      db.close();
    }
  });

  it("stores twenty connectors' frames in one IndexedDB transaction, each ring with its own counts", async () => {
    const db = await openDatabase('patchbay-protocol-log-writer-many');
    try {
      const repository = new ProtocolLogRepository(db, 3);
      const writer = new ProtocolLogWriter(repository);
      const ids = Array.from({ length: 20 }, (_, index) => `c${index}`);
      for (const id of ids) for (let i = 0; i < 4; i++) writer.record(id, event(i));
      const transactions = vi.spyOn(db, 'transaction');
      await writer.flush();
      expect(transactions).toHaveBeenCalledTimes(1);
      for (const id of ids) {
        expect(await repository.stats(id)).toEqual({ connectorId: id, total: 4, dropped: 1 });
        expect((await repository.newest(id, 10)).map((row) => [row.connectorId, row.at])).toEqual([[id, 3], [id, 2], [id, 1]]);
      }
    } finally {
      db.close();
    }
  });

  it("keeps the other connectors' frames when one connector's batch cannot be stored", async () => {
    const db = await openDatabase('patchbay-protocol-log-writer-isolated');
    try {
      const repository = new ProtocolLogRepository(db);
      const writer = new ProtocolLogWriter(repository);
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
      writer.record('good', event(1));
      writer.record('bad', { ...event(2), sizeBytes: -1 });
      writer.record('also-good', event(3));
      await writer.flush();
      expect((await repository.newest('good', 10)).map((row) => row.at)).toEqual([1]);
      expect((await repository.newest('also-good', 10)).map((row) => row.at)).toEqual([3]);
      expect(await repository.stats('bad')).toEqual({ connectorId: 'bad', total: 0, dropped: 0 });
      expect(logged).toHaveBeenCalledTimes(1);
      logged.mockRestore();
    } finally {
      db.close();
    }
  });
});
