import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorruptRowError } from '@/lib/db/corrupt-row-error';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { ConnectorsRepository } from '@/lib/db/repositories/connectors-repository';
import { newConnectorRow } from '@/lib/mcp/connectors/save-connector';

let db: PatchbayDatabase;
let connectors: ConnectorsRepository;
let counter = 0;

beforeEach(async () => {
  db = await openDatabase(`patchbay-quarantine-${++counter}`);
  connectors = new ConnectorsRepository(db);
});
afterEach(() => db.close());

const good = (id: string, label: string) => ({ ...newConnectorRow(id, 1), label, url: `http://127.0.0.1:1/${id}` });

describe('a corrupt connector row', () => {
  beforeEach(async () => {
    await connectors.put(good('a', 'Alpha'));
    await connectors.put(good('c', 'Gamma'));
    // What a bug, an old build or a hand edit in DevTools could leave: the URL is no URL, the tools no list.
    await db.connectors.put({ ...good('b', 'Beta'), url: 'not a url', tools: 'many' } as never);
  });

  it('is left out of the list the background and the chat use, so the others still work', async () => {
    expect((await connectors.list()).map((row) => row.id)).toEqual(['a', 'c']);
  });

  it('is listed apart, with its label, its key and a message that names what is wrong', async () => {
    const survey = await connectors.survey();
    expect(survey.rows.map((row) => row.id)).toEqual(['a', 'c']);
    expect(survey.corrupt).toHaveLength(1);
    const [entry] = survey.corrupt;
    expect(entry).toMatchObject({ id: 'b', label: 'Beta' });
    expect(entry!.message).toMatch(/url/);
    expect(entry!.message).toMatch(/tools/);
  });

  it('still fails loudly when read on its own, and can be removed', async () => {
    await expect(connectors.get('b')).rejects.toBeInstanceOf(CorruptRowError);
    await connectors.remove('b');
    expect((await connectors.survey()).corrupt).toEqual([]);
  });

  it('survives a row that is not even an object with a string id', async () => {
    await db.connectors.put({ id: 'd' } as never);
    await db.connectors.put({ id: 'e', label: 42 } as never);
    const survey = await connectors.survey();
    expect(survey.rows.map((row) => row.id)).toEqual(['a', 'c']);
    expect(survey.corrupt.map((entry) => [entry.id, entry.label])).toEqual(
      expect.arrayContaining([
        ['b', 'Beta'],
        ['d', null],
        ['e', null],
      ]),
    );
    for (const entry of survey.corrupt) expect(entry.message.length).toBeGreaterThan(0);
  });
});
