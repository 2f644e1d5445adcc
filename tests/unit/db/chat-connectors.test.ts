import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listChatConnectors, type ChatConnector } from '@/lib/db/chat-connectors';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { ConnectorsRepository } from '@/lib/db/repositories/connectors-repository';
import type { ConnectorRow } from '@/lib/db/rows';
import { newConnectorRow } from '@/lib/mcp/connectors/save-connector';

let db: PatchbayDatabase;
let counter = 0;

beforeEach(async () => {
  db = await openDatabase(`patchbay-chat-connectors-${++counter}`);
});
afterEach(() => db.close());

const tool = (name: string, extra: Record<string, unknown> = {}) => ({ name, inputSchema: { type: 'object', properties: {} }, ...extra });
const good = (id: string, label: string, tools: unknown[] = []): ConnectorRow =>
  ({ ...newConnectorRow(id, 1), label, url: `http://127.0.0.1:1/${id}`, tools, enabledTools: tools.flatMap((t) => (typeof (t as { name?: unknown }).name === 'string' ? [(t as { name: string }).name] : [])) }) as ConnectorRow;

// A whole row is what the chat's view narrows: every ConnectorRow must still be a ChatConnector.
const narrows = (row: ConnectorRow): ChatConnector => row;

describe('the chat’s view of the stored connectors', () => {
  it('lists the rows the whole schema lists, by label, with the same tools', async () => {
    const repository = new ConnectorsRepository(db);
    await repository.put(good('g', 'Gamma', [tool('read', { description: 'Reads.', annotations: { readOnlyHint: true } })]));
    await repository.put(good('a', 'Alpha', [tool('write'), tool('echo', { title: 'Echo' })]));
    const chat = await listChatConnectors(db);
    const whole = await repository.list();
    expect(chat.map((row) => row.id)).toEqual(whole.map((row) => row.id));
    expect(chat.map((row) => row.id)).toEqual(['a', 'g']);
    expect(chat.map((row) => row.tools.map((t) => t.name))).toEqual(whole.map((row) => row.tools.map((t) => t.name)));
    expect(chat[1]!.tools[0]).toMatchObject({ name: 'read', description: 'Reads.', annotations: { readOnlyHint: true } });
    expect(narrows(whole[0]!).label).toBe('Alpha');
  });

  it('leaves out every row the whole schema quarantines, and keeps the others', async () => {
    await new ConnectorsRepository(db).put(good('a', 'Alpha'));
    // What a bug, an old build or a hand edit could leave: damaged fields the chat itself never shows.
    await db.connectors.bulkPut([
      { ...good('b', 'Beta'), url: 'not a url', tools: 'many' },
      { ...good('c', 'Gamma'), timeoutMs: -1 },
      { ...good('d', 'Delta'), omitOrigin: 'yes' },
      { ...good('e', 'Epsilon'), tools: 'many' },
      { id: 'f' },
      { id: 'h', label: 42 },
    ] as never);
    const survey = await new ConnectorsRepository(db).survey();
    expect(survey.rows.map((row) => row.id)).toEqual(['a']);
    expect((await listChatConnectors(db)).map((row) => row.id)).toEqual(['a']);
  });

  it('drops a stored tool that no longer fits, as the whole schema does, and keeps the rest', async () => {
    await db.connectors.put(
      good('a', 'Alpha', [tool('ok'), { name: 42, inputSchema: { type: 'object' } }, { name: 'no-schema' }, tool('bad-hint', { annotations: { readOnlyHint: 'yes' } }), 'junk']) as never,
    );
    const [chat] = await listChatConnectors(db);
    const [whole] = await new ConnectorsRepository(db).list();
    expect(chat!.tools.map((t) => t.name)).toEqual(['ok']);
    expect(whole!.tools.map((t) => t.name)).toEqual(['ok']);
  });
});
