import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { earlyChatConnectors, readChatConnectorsEarly } from '@/components/chat/early-chat-connectors';
import { keepNewestConversations, newestConversations } from '@/components/chat/newest-conversations';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import type { ConnectorRow } from '@/lib/db/rows';
import { newConnectorRow } from '@/lib/mcp/connectors/save-connector';

let db: PatchbayDatabase;
let counter = 0;

beforeEach(async () => {
  db = await openDatabase(`patchbay-early-reads-${++counter}`);
});
afterEach(() => db.close());

const connector = (id: string, label: string) => ({ ...newConnectorRow(id, 1), label, url: `http://127.0.0.1:1/${id}` }) as ConnectorRow;

describe('what the first screen reads as the database opens', () => {
  it('keeps the chat’s connectors, checked, for that database only; a corrupt row is left out', async () => {
    await db.connectors.bulkPut([connector('b', 'Beta'), connector('a', 'Alpha'), { ...connector('x', 'Broken'), url: 'not a url' }]);
    expect(earlyChatConnectors(db)).toBeUndefined();
    await readChatConnectorsEarly(db);
    expect(earlyChatConnectors(db)?.map((row) => row.label)).toEqual(['Alpha', 'Beta']);
    const other = await openDatabase(`patchbay-early-other-${counter}`);
    expect(earlyChatConnectors(other)).toBeUndefined();
    other.close();
  });

  it('settles without keeping anything when the read fails, so the live query reads and reports', async () => {
    await readChatConnectorsEarly(db);
    db.close();
    await expect(readChatConnectorsEarly(db)).resolves.toBeUndefined();
    expect(earlyChatConnectors(db)).toBeUndefined();
  });

  it('the drawer’s first page is in once the keeping settles, and a corrupt row settles it empty', async () => {
    await db.conversations.add({ id: 'c1', title: 'One', connectorIds: [], model: null, createdAt: 1, updatedAt: 1 });
    await keepNewestConversations(db);
    expect(newestConversations(db)?.map((row) => row.id)).toEqual(['c1']);
    const damaged = await openDatabase(`patchbay-early-damaged-${counter}`);
    await damaged.conversations.put({ id: 'bad', title: 42, updatedAt: 2 } as never);
    await keepNewestConversations(damaged);
    expect(newestConversations(damaged)).toBeUndefined();
    damaged.close();
  });
});
