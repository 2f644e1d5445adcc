import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { logStatsText } from '@/components/inspector/log-stats-text';
import { FrameRow } from '@/components/inspector/log/FrameRow';
import { rpcRoleOf } from '@/lib/contract/protocol-frame-facts';
import { openDatabase } from '@/lib/db/open-database';
import { ProtocolLogRepository } from '@/lib/db/repositories/protocol-log-repository';
import { capWireEvent, MAX_LOGGED_FRAME_CHARS } from '@/lib/mcp/protocol-log/cap-wire-event';
import { MAX_QUEUED_BYTES, MAX_QUEUED_FRAMES, ProtocolLogWriter } from '@/lib/mcp/protocol-log/protocol-log-writer';
import type { WireEvent } from '@/lib/mcp/protocol-log/wire-event';
import { WireRecorder } from '@/lib/mcp/protocol-log/wire-recorder';

let counter = 0;
const storedBytes = (rows: unknown[]) => rows.reduce<number>((sum, row) => sum + JSON.stringify(row).length, 0);

describe('the protocol log under giant frames', () => {
  it('a 5 MB tool result leaves the log ring bounded in bytes, marked capped with its full size', async () => {
    const db = await openDatabase(`patchbay-log-bounds-${++counter}`);
    const repository = new ProtocolLogRepository(db);
    const writer = new ProtocolLogWriter(repository);
    const server = new McpServer({ name: 'giant', version: '1.0.0' });
    server.registerTool('dump', { description: 'A 5 MB answer.' }, async () => ({ content: [{ type: 'text', text: 'x'.repeat(5 * 1024 * 1024) }] }));
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const recorder = new WireRecorder((event) => writer.record('giant', event));
    await server.connect(serverSide);
    const client = new Client({ name: 't', version: '1' });
    await client.connect(recorder.wrapTransport(clientSide));
    try {
      const result = await client.callTool({ name: 'dump', arguments: {} });
      // The caller still has every byte: only the log's copy is capped.
      expect((result.content as { text: string }[])[0]!.text).toHaveLength(5 * 1024 * 1024);
      await recorder.settled();
      await writer.flush();
      const rows = await repository.all('giant');
      expect(storedBytes(rows)).toBeLessThan(8 * MAX_LOGGED_FRAME_CHARS);
      const answer = rows.find((row) => row.method === 'tools/call' && row.direction === 'in')!;
      expect(answer.capped).toBe(true);
      expect(answer.sizeBytes).toBeGreaterThan(5 * 1024 * 1024);
      expect(JSON.stringify(answer.frame)).toContain('characters in all');
      // The request, small, is kept whole and not marked.
      expect(rows.find((row) => row.method === 'tools/call' && row.direction === 'out')!.capped).toBeUndefined();
      // The capped copy still names its request, so the log pairs the two.
      expect(rpcRoleOf(answer)).toMatchObject({ role: 'response' });
      const html = renderToStaticMarkup(createElement(FrameRow, { frame: answer, connector: null, selected: false, matched: false, onSelect: () => undefined }));
      expect(html).toMatch(/capped/i);
      expect(html).toContain('5.0 MB');
    } finally {
      await client.close();
      db.close();
    }
  });

  it('caps frames of every shape: many items, many fields, deep nesting', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i++) deep = { next: deep };
    const fields = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
    for (const frame of [{ items: Array.from({ length: 1_000_000 }, (_, i) => i) }, fields, deep]) {
      const { event } = capWireEvent({ at: 0, direction: 'in', method: null, httpStatus: null, durationMs: null, sizeBytes: 1, frame });
      expect(event.capped).toBe(true);
      expect(JSON.stringify(event.frame).length).toBeLessThan(2 * MAX_LOGGED_FRAME_CHARS);
    }
    const small = { at: 0, direction: 'in' as const, method: 'ping', httpStatus: null, durationMs: null, sizeBytes: 30, frame: { jsonrpc: '2.0', id: 1, result: {} } };
    expect(capWireEvent(small).event).toBe(small);
  });

  /** A real repository behind a disk that stalls until `release()`; counts what reaches it. */
  async function stalledDisk() {
    const db = await openDatabase(`patchbay-log-bounds-${++counter}`);
    const real = new ProtocolLogRepository(db);
    let release!: () => void;
    const stalled = new Promise<void>((resolve) => (release = resolve));
    const disk = { appended: 0, real, release, close: () => db.close() };
    const repository = {
      appendAll: async (batches: Parameters<ProtocolLogRepository['appendAll']>[0]) => {
        await stalled;
        for (const { frames } of batches) disk.appended += frames.length;
        return real.appendAll(batches);
      },
    } as unknown as ProtocolLogRepository;
    return { disk, writer: new ProtocolLogWriter(repository) };
  }

  it('a writer behind a stalled disk holds a bounded queue, in frames, and counts what it could not keep', async () => {
    const { disk, writer } = await stalledDisk();
    const event = (i: number): WireEvent => ({ at: i, direction: 'in', method: 'notifications/message', httpStatus: null, durationMs: null, sizeBytes: 40, frame: { i } });
    try {
      const sent = MAX_QUEUED_FRAMES * 5;
      for (let i = 0; i < sent; i++) writer.record('chatty', event(i));
      expect(writer.queued.frames).toBeLessThanOrEqual(MAX_QUEUED_FRAMES);
      disk.release();
      await writer.flush();
      expect(disk.appended).toBeLessThanOrEqual(MAX_QUEUED_FRAMES);
      const stats = await disk.real.stats('chatty');
      expect(stats.unrecorded).toBe(sent - disk.appended);
      expect(stats.total).toBe(sent);
      expect(writer.queued).toEqual({ frames: 0, bytes: 0 });
      // Once the disk keeps up again, frames are kept as before.
      writer.record('chatty', event(sent));
      await writer.flush();
      expect((await disk.real.newest('chatty', 1))[0]!.at).toBe(sent);
      expect((await disk.real.stats('chatty')).unrecorded).toBe(sent - disk.appended + 1);
    } finally {
      disk.close();
    }
  });

  it('bounds the queue in bytes too: large frames fill it before the frame count does', async () => {
    const { disk, writer } = await stalledDisk();
    const big = 'y'.repeat(1024 * 1024);
    const sent = 400;
    try {
      for (let i = 0; i < sent; i++) {
        writer.record('giant', { at: i, direction: 'in', method: 'tools/call', httpStatus: null, durationMs: 1, sizeBytes: big.length + 40, frame: { result: { text: big } } });
      }
      expect(writer.queued.bytes).toBeLessThanOrEqual(MAX_QUEUED_BYTES);
      expect(writer.queued.frames).toBeLessThan(sent);
      disk.release();
      await writer.flush();
      expect(disk.appended).toBeLessThan(sent);
      expect((await disk.real.stats('giant')).unrecorded).toBe(sent - disk.appended);
    } finally {
      disk.close();
    }
  });

  it('says in the log view how many frames were dropped and how many were never kept', () => {
    expect(logStatsText({ connectorId: 'a', total: 12, dropped: 0 })).toBe('12 recorded');
    expect(logStatsText({ connectorId: 'a', total: 9_000, dropped: 2_000, unrecorded: 1_500 })).toBe('9000 recorded, 2000 oldest dropped, 1500 not kept (the log fell behind)');
  });
});
