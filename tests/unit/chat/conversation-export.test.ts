import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationImportError, exportConversation, parseConversationExport, serializeExport } from '@/lib/chat/conversation-export';
import { MAX_IMPORT_BYTES } from '@/lib/contract/conversation-file';
import { importConversation } from '@/lib/chat/conversation-import';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { sampleExport } from './conversation-export-fixture';

let db: PatchbayDatabase;
let other: PatchbayDatabase;
let counter = 0;

beforeEach(async () => {
  db = await openDatabase(`patchbay-export-${++counter}`);
  other = await openDatabase(`patchbay-export-other-${counter}`);
});
afterEach(() => {
  db.close();
  other.close();
});

async function seed(target: PatchbayDatabase) {
  const data = sampleExport();
  await target.conversations.add(data.conversation);
  // Stored out of order: the export must still come out in `seq` order.
  await target.messages.bulkAdd([...data.messages].reverse());
  return data;
}

/** Expects `fn` to throw an import error whose message matches `pattern`. */
function expectImportError(fn: () => unknown, pattern: RegExp) {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ConversationImportError);
  expect((caught as ConversationImportError).code).toBe('invalid-import');
  expect((caught as Error).message).toMatch(pattern);
}

const withMessages = (mutate: (data: ReturnType<typeof sampleExport>) => void) => {
  const data = sampleExport();
  mutate(data);
  return JSON.stringify(data);
};

describe('round trip', () => {
  it('export → serialize → parse → import with keepId → export is exact', async () => {
    const seeded = await seed(db);
    const first = await exportConversation(db, 'conv-1');
    expect(first.messages.map((m) => m.seq)).toEqual([0, 1]);
    expect(first.conversation).toEqual(seeded.conversation);
    expect(first.messages).toEqual(seeded.messages);

    const text = serializeExport(first);
    expect(text).toContain('\n  "format": "patchbay.conversation"');
    const id = await importConversation(other, parseConversationExport(text), { keepId: true });
    expect(id).toBe('conv-1');

    const second = await exportConversation(other, 'conv-1');
    expect({ ...second, exportedAt: 0 }).toEqual({ ...first, exportedAt: 0 });
  });

  it('keepId false gives fresh ids, rewrites conversationId and moves the copy to the top', async () => {
    await seed(db);
    const before = Date.now();
    const id = await importConversation(db, sampleExport(), { keepId: false });
    expect(id).not.toBe('conv-1');
    const copy = await exportConversation(db, id);
    expect(copy.conversation.title).toBe('Issues');
    expect(copy.conversation.connectorIds).toEqual(['conn-gone']);
    expect(copy.conversation.updatedAt).toBeGreaterThanOrEqual(before);
    expect(copy.messages.map((m) => m.conversationId)).toEqual([id, id]);
    expect(copy.messages.map((m) => m.id)).not.toContain('m0');
    expect(copy.messages.map((m) => m.parts)).toEqual(sampleExport().messages.map((m) => m.parts));
    expect(await db.conversations.count()).toBe(2);
    expect(await db.messages.count()).toBe(4);
  });
});

describe('refusals', () => {
  it('refuses text that is not JSON', () => {
    expectImportError(() => parseConversationExport('{ nope'), /^The file is not JSON: /);
  });

  it('refuses another format', () => {
    expectImportError(() => parseConversationExport('{"format":"other","version":1}'), /not a Patchbay conversation export/);
    expectImportError(() => parseConversationExport('[1,2]'), /not a Patchbay conversation export/);
  });

  it('names the supported versions for an unknown one', () => {
    expectImportError(() => parseConversationExport(withMessages((d) => Object.assign(d, { version: 2 }))), /version 2.*reads version 1/);
  });

  it('names the path of a schema failure', () => {
    const text = withMessages((d) => Object.assign(d.messages[1]!.parts[0]!, { status: { type: 'bogus' } }));
    expectImportError(() => parseConversationExport(text), /messages\[1\]\.parts\[0\]\.status\.type: /);
  });

  it('refuses a message of another conversation', () => {
    const text = withMessages((d) => Object.assign(d.messages[1]!, { conversationId: 'elsewhere' }));
    expectImportError(() => parseConversationExport(text), /messages\[1\] belongs to conversation elsewhere/);
  });

  it('refuses a repeated seq', () => {
    const text = withMessages((d) => Object.assign(d.messages[1]!, { seq: 0 }));
    expectImportError(() => parseConversationExport(text), /messages\[1\] repeats seq 0/);
  });

  it('refuses a file over the size limit before parsing it', () => {
    expectImportError(() => parseConversationExport(' '.repeat(MAX_IMPORT_BYTES + 1)), /larger than the 50 MB/);
  });

  it('refuses to overwrite an existing conversation and writes nothing', async () => {
    await seed(db);
    const data = sampleExport();
    data.messages = data.messages.map((m) => ({ ...m, id: `new-${m.id}` }));
    await expect(importConversation(db, data, { keepId: true })).rejects.toThrow('A conversation with this id already exists');
    expect(await db.messages.count()).toBe(2);
  });

  it('writes nothing when a message id is taken', async () => {
    await other.messages.add({ ...sampleExport().messages[1]!, conversationId: 'someone-else' });
    await expect(importConversation(other, sampleExport(), { keepId: true })).rejects.toBeInstanceOf(ConversationImportError);
    expect(await other.conversations.count()).toBe(0);
    expect(await other.messages.count()).toBe(1);
  });

  it('keeps JSON keys such as __proto__ as plain data', () => {
    const text = serializeExport(sampleExport()).replace('"state": "open"', '"state": "open", "__proto__": { "polluted": true }');
    const data = parseConversationExport(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const call = data.messages[1]!.parts[1] as { args: Record<string, unknown> };
    expect(Object.getPrototypeOf(call.args)).toBe(Object.prototype);
    expect(call.args.polluted).toBeUndefined();
  });
});
