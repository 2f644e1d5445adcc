import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorruptRowError } from '@/lib/db/corrupt-row-error';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { createRepositories, type Repositories } from '@/lib/db/repositories';
import { ProtocolLogRepository } from '@/lib/db/repositories/protocol-log-repository';
import { auditNewest } from '../../fixtures/audit-rows';

let db: PatchbayDatabase;
let repos: Repositories;
let counter = 0;

beforeEach(async () => {
  db = await openDatabase(`patchbay-repos-${++counter}`);
  repos = createRepositories(db);
});
afterEach(() => db.close());

const text = (t: string) => [{ id: crypto.randomUUID(), type: 'text' as const, text: t, status: { type: 'complete' as const } }];

describe('conversations', () => {
  it('pages newest first without reading the whole table', async () => {
    for (let i = 0; i < 5; i++) {
      const row = await repos.conversations.create({ title: `c${i}`, connectorIds: [], model: null });
      await db.conversations.update(row.id, { updatedAt: 1_000 + i });
    }
    const first = await repos.conversations.listRecent(2);
    expect(first.map((c) => c.title)).toEqual(['c4', 'c3']);
    const next = await repos.conversations.listRecent(2, first.at(-1)!.updatedAt);
    expect(next.map((c) => c.title)).toEqual(['c2', 'c1']);
  });

  it('reports a stored row that no longer fits its schema', async () => {
    await db.conversations.add({ id: 'bad', title: 7 } as never);
    await expect(repos.conversations.get('bad')).rejects.toBeInstanceOf(CorruptRowError);
  });
});

describe('messages', () => {
  it('numbers messages in order and reads pages from the end', async () => {
    const conversation = await repos.conversations.create({ title: 't', connectorIds: [], model: null });
    for (let i = 0; i < 5; i++) {
      await repos.messages.append({ conversationId: conversation.id, role: 'user', parts: text(`m${i}`) });
    }
    const last = await repos.messages.page(conversation.id, 2);
    expect(last.map((m) => m.seq)).toEqual([3, 4]);
    const before = await repos.messages.page(conversation.id, 10, last[0]!.seq);
    expect(before.map((m) => m.seq)).toEqual([0, 1, 2]);
  });

  it('keeps conversations apart and refuses a malformed part', async () => {
    const a = await repos.conversations.create({ title: 'a', connectorIds: [], model: null });
    const b = await repos.conversations.create({ title: 'b', connectorIds: [], model: null });
    await repos.messages.append({ conversationId: a.id, role: 'user', parts: text('in a') });
    await repos.messages.append({ conversationId: b.id, role: 'user', parts: text('in b') });
    expect((await repos.messages.page(a.id, 10)).map((m) => m.seq)).toEqual([0]);
    await expect(
      repos.messages.append({ conversationId: a.id, role: 'user', parts: [{ type: 'text', id: 'x' }] as never }),
    ).rejects.toThrow();
  });
});

describe('protocol log', () => {
  it('keeps a bounded ring per connector and says how many it dropped', async () => {
    const log = new ProtocolLogRepository(db, 3);
    const frame = (at: number) => ({ at, direction: 'out' as const, method: 'ping', httpStatus: null, durationMs: null, sizeBytes: 10, frame: { at } });
    expect(await log.append('a', [frame(1), frame(2)])).toBe(0);
    expect(await log.append('a', [frame(3), frame(4), frame(5)])).toBe(2);
    await log.append('b', [frame(9)]);
    expect((await log.newest('a', 10)).map((f) => f.at)).toEqual([5, 4, 3]);
    expect((await log.newest('b', 10)).map((f) => f.at)).toEqual([9]);
  });
});

describe('decisions', () => {
  it('finds a remembered decision only for the same tool definition, and audits it', async () => {
    await repos.decisions.remember({
      id: 'd1',
      conversationId: 'c',
      connectorId: 'k',
      toolName: 'delete_file',
      toolFingerprint: 'fp-1',
      decision: 'allow',
      scope: 'conversation',
      decidedAt: 10,
    });
    const key = { conversationId: 'c', connectorId: 'k', toolName: 'delete_file' };
    expect((await repos.decisions.find({ ...key, toolFingerprint: 'fp-1' }))?.decision).toBe('allow');
    expect(await repos.decisions.find({ ...key, toolFingerprint: 'fp-2' })).toBeUndefined();
    expect(await repos.decisions.find({ ...key, conversationId: 'other', toolFingerprint: 'fp-1' })).toBeUndefined();
    expect(await auditNewest(db, 5)).toEqual([
      expect.objectContaining({ kind: 'approved', toolName: 'delete_file', detail: { remembered: true, toolFingerprint: 'fp-1' } }),
    ]);
  });
});
