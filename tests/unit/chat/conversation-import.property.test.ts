import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationImportError, parseConversationExport } from '@/lib/chat/conversation-export';
import { importConversation } from '@/lib/chat/conversation-import';
import { IMPORTED_NOTICE } from '@/lib/chat/import-as-data';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { ConversationRowSchema, MessageRowSchema } from '@/lib/db/rows';
import { sampleExport } from './conversation-export-fixture';

const RUNS = { numRuns: 200 };

/** The import boundary's only way to fail: a ConversationImportError whose message says why. */
function parseOrRefuse(text: string) {
  try {
    return { ok: true as const, data: parseConversationExport(text) };
  } catch (error) {
    expect(error).toBeInstanceOf(ConversationImportError);
    expect((error as Error).message.trim()).not.toBe('');
    return { ok: false as const };
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path into a JSON value, so a mutation can land anywhere in the file. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, index) => paths(item, [...prefix, index]))];
  if (value !== null && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([key, item]) => paths(item, [...prefix, key]))];
  return here;
}

type Mutation = { kind: 'replace'; value: Json } | { kind: 'delete' } | { kind: 'add'; key: string; value: Json };

/** One edit at one path: what a hand edit, a bug in another tool or an attacker's file does to a valid export. */
function mutate(root: Json, path: (string | number)[], mutation: Mutation): Json {
  const copy = structuredClone(root);
  if (path.length === 0) return mutation.kind === 'replace' ? mutation.value : copy;
  let parent: Json = copy;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[key]!;
  const last = path.at(-1)!;
  const container = parent as Record<string | number, Json>;
  switch (mutation.kind) {
    case 'replace':
      container[last] = mutation.value;
      break;
    case 'delete':
      if (Array.isArray(container)) container.splice(Number(last), 1);
      else delete container[last];
      break;
    case 'add': {
      const target = container[last];
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) target[mutation.key] = mutation.value;
      else if (Array.isArray(target)) target.push(mutation.value);
      break;
    }
  }
  return copy;
}

const valid = sampleExport() as unknown as Json;
const allPaths = paths(valid);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.jsonValue().map((value) => ({ kind: 'replace' as const, value: value as Json })),
  fc.constantFrom<Json>('', -1, 1.5, 1e308, 'running', 'requires-action', 'pending', 'allow', {}, [], null, { type: 'running' }).map((value) => ({ kind: 'replace' as const, value })),
  fc.constant({ kind: 'delete' as const }),
  fc.tuple(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'status', 'type', 'id')), fc.jsonValue()).map(([key, value]) => ({ kind: 'add' as const, key, value: value as Json })),
);
const mutated = fc.tuple(fc.constantFrom(...allPaths), fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([path, edits]) => edits.reduce((file, edit) => mutate(file, path, edit), valid));

describe('importing a conversation file', () => {
  let db: PatchbayDatabase;
  beforeAll(async () => {
    db = await openDatabase(`patchbay-import-property-${Date.now()}`);
  });
  afterAll(() => db.close());

  it('refuses any text that is not a valid export with a ConversationImportError and a message, never anything else', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.anything().map((value) => JSON.stringify(value) ?? 'undefined')), (text) => {
        parseOrRefuse(text);
      }),
      RUNS,
    );
  });

  it('accepts or refuses by name any mutation of a valid export; what it accepts is stored as rows that parse', async () => {
    await fc.assert(
      fc.asyncProperty(mutated, fc.boolean(), async (file, keepId) => {
        const parsed = parseOrRefuse(JSON.stringify(file));
        if (!parsed.ok) return;
        let conversationId: string;
        try {
          conversationId = await importConversation(db, parsed.data, { keepId });
        } catch (error) {
          // Refused at write time (an id already taken): named, with a message, and nothing half-written.
          expect(error).toBeInstanceOf(ConversationImportError);
          expect((error as Error).message.trim()).not.toBe('');
          return;
        }
        const conversation = await db.conversations.get(conversationId);
        expect(ConversationRowSchema.safeParse(conversation).success).toBe(true);
        const messages = await db.messages.where('[conversationId+seq]').between([conversationId, -Infinity], [conversationId, Infinity]).toArray();
        // A conversation that would go on by itself (its last word is the user's) gets the import note after it.
        expect(messages.length).toBeGreaterThanOrEqual(parsed.data.messages.length);
        const added = messages.slice(parsed.data.messages.length);
        expect(added.length).toBeLessThanOrEqual(1);
        for (const note of added) expect(note.parts).toEqual([expect.objectContaining({ type: 'error', code: IMPORTED_NOTICE })]);
        for (const message of messages) expect(MessageRowSchema.safeParse(message).success).toBe(true);
        await db.messages.bulkDelete(messages.map((message) => message.id));
        await db.conversations.delete(conversationId);
      }),
      RUNS,
    );
  });
});
