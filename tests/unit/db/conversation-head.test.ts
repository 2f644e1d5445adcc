import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readConversationHead, type ConversationHead } from '@/lib/db/conversation-head';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { ConversationRowSchema, type ConversationRow } from '@/lib/db/rows';

let db: PatchbayDatabase;
let counter = 0;

beforeEach(async () => {
  db = await openDatabase(`patchbay-conversation-head-${++counter}`);
});
afterEach(() => db.close());

const row = (fields: Partial<ConversationRow> = {}) =>
  ConversationRowSchema.parse({ id: 'c1', title: 'Notes', connectorIds: ['k1'], model: null, createdAt: 0, updatedAt: 1, systemPrompt: 'Be brief.', whatIf: true, ...fields });
// Every whole row must still be a head: the chat reads the same rows the background writes.
const narrows = (whole: ConversationRow): ConversationHead => whole;

describe('the open conversation as the chat reads it', () => {
  it('gives the fields the chat shows, and nothing when the conversation is gone', async () => {
    await db.conversations.add(row());
    expect(await readConversationHead(db, 'c1')).toEqual({ head: { id: 'c1', title: 'Notes', connectorIds: ['k1'], systemPrompt: 'Be brief.', whatIf: true } });
    expect(await readConversationHead(db, 'gone')).toEqual({ head: null });
    expect(narrows(row()).id).toBe('c1');
  });

  it('says a damaged row cannot be opened instead of handing its values to the screen', async () => {
    // Written around the repositories, as a corrupt import or another version could leave it.
    await db.conversations.put({ ...row(), id: 'bad-ids', connectorIds: 'all' } as unknown as ConversationRow);
    await db.conversations.put({ ...row(), id: 'bad-title', title: { toString: 'x' } } as unknown as ConversationRow);
    await db.conversations.put({ ...row(), id: 'huge-prompt', systemPrompt: 'x'.repeat(1_000_000) } as unknown as ConversationRow);
    for (const id of ['bad-ids', 'bad-title', 'huge-prompt']) {
      const read = await readConversationHead(db, id);
      expect(read).toEqual({ damaged: expect.stringMatching(/^This conversation cannot be opened: its stored row is damaged \(.+\)\./) });
    }
  });
});
