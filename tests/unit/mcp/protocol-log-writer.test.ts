import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '@/lib/db/open-database';
import { ProtocolLogRepository } from '@/lib/db/repositories/protocol-log-repository';
import { ProtocolLogWriter } from '@/lib/mcp/protocol-log/protocol-log-writer';
import type { WireEvent } from '@/lib/mcp/protocol-log/wire-event';

const event = (at: number): WireEvent => ({ at, direction: 'out', method: 'ping', httpStatus: null, durationMs: null, sizeBytes: 10, frame: { at } });

/** A repository stand-in that only counts what it is asked to store. */
function countingRepository(fail = false) {
  const appends: { connectorId: string; count: number }[] = [];
  const repository = {
    append: async (connectorId: string, frames: unknown[]) => {
      appends.push({ connectorId, count: frames.length });
      if (fail) throw new Error('disk full');
      return 0;
    },
  } as unknown as ProtocolLogRepository;
  return { appends, repository };
}

afterEach(() => vi.useRealTimers());

describe('ProtocolLogWriter', () => {
  it('batches frames per connector into one write a quarter second later', async () => {
    vi.useFakeTimers();
    const { appends, repository } = countingRepository();
    const writer = new ProtocolLogWriter(repository);
    for (let i = 0; i < 5; i++) writer.record('a', event(i));
    writer.record('b', event(9));
    await vi.advanceTimersByTimeAsync(249);
    expect(appends).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(appends).toEqual([{ connectorId: 'a', count: 5 }, { connectorId: 'b', count: 1 }]);
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
    const { appends, repository } = countingRepository(true);
    const writer = new ProtocolLogWriter(repository);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    writer.record('gone', event(1));
    writer.forget('gone');
    writer.record('kept', event(2));
    await writer.flush();
    writer.record('kept', event(3));
    await writer.flush();
    expect(appends).toEqual([{ connectorId: 'kept', count: 1 }, { connectorId: 'kept', count: 1 }]);
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
});
