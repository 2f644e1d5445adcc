import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessagesRepository } from '@/lib/db/repositories/messages-repository';
import { MessageWriter } from '@/lib/chat/message-writer';
import { byType, startHarness, type Harness } from './engine-harness';

let h: Harness;
afterEach(async () => {
  await h.close();
});

async function storedMessage() {
  return h.store.append({
    conversationId: h.conversationId,
    role: 'assistant',
    parts: [
      { id: 'text', type: 'text', text: 'Hello', status: { type: 'complete' } },
      { id: 'card', type: 'approval', callId: 'c1', decision: 'pending', remembered: false, status: { type: 'requires-action' } },
    ],
  });
}

describe('MessageWriter', () => {
  it('applies its edits to the row as stored, keeping what another command wrote meanwhile', async () => {
    h = await startHarness();
    const row = await storedMessage();
    const writer = new MessageWriter(h.store, row, 10);
    // Another command (a decision) writes the same message after the writer read it.
    await h.store.update(row.id, (stored) => ({
      ...stored,
      parts: stored.parts.map((part) => (part.type === 'approval' ? { ...part, decision: 'allow' as const, status: { type: 'complete' as const } } : part)),
    }));
    await writer.edit((parts) => parts.map((part) => (part.type === 'text' ? { ...part, text: 'Hello again' } : part)));
    const parts = (await h.store.last(h.conversationId))!.parts;
    expect(byType(parts, 'approval')[0]).toMatchObject({ decision: 'allow' });
    expect(byType(parts, 'text')[0]!.text).toBe('Hello again');
    expect(writer.row.parts).toEqual(parts);
  });

  it('refresh takes in what another command stored, and writes nothing itself', async () => {
    h = await startHarness();
    const row = await storedMessage();
    const writer = new MessageWriter(h.store, row, 10);
    await h.store.update(row.id, (stored) => ({
      ...stored,
      parts: stored.parts.map((part) => (part.type === 'approval' ? { ...part, decision: 'allow' as const, status: { type: 'complete' as const } } : part)),
    }));
    const puts = vi.spyOn(MessagesRepository.prototype, 'put');
    try {
      expect(await writer.refresh()).toBe(true);
      expect(byType(writer.row.parts, 'approval')[0]).toMatchObject({ decision: 'allow' });
      expect(puts).not.toHaveBeenCalled();
    } finally {
      puts.mockRestore();
    }
  });

  it('never brings back a message that was removed, and says so', async () => {
    h = await startHarness();
    const row = await storedMessage();
    const writer = new MessageWriter(h.store, row, 10);
    await h.store.remove(row.id);
    await expect(writer.edit((parts) => parts.slice(1))).resolves.toBe(false);
    expect(await h.store.last(h.conversationId)).toBeUndefined();
  });

  it('writes streamed text in one batch on top of the stored row', async () => {
    h = await startHarness();
    const row = await storedMessage();
    const writer = new MessageWriter(h.store, row, 10);
    writer.appendText('text', ', ');
    writer.appendText('text', 'world');
    expect(writer.row.parts[0]).toMatchObject({ text: 'Hello, world' });
    await writer.flush();
    expect(byType((await h.store.last(h.conversationId))!.parts, 'text')[0]!.text).toBe('Hello, world');
  });
});
