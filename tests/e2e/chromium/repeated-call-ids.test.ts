import { describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../../fixtures/model-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { useNotesChat } from '../harness/scripted-chat';

const WRITE = 'Notes__write_note';
const READ = 'Notes__read_notes';

/**
 * A hostile model repeats one call id for a write and a read-only call in the same step. The
 * recording server must receive no write until the card is approved, and then exactly the call
 * the card showed.
 */
describe('a model that repeats a call id, in Chromium against a recording server', () => {
  const fixture = useChromiumPanel();
  const world = useNotesChat(fixture, 'sk-dup');

  const writes = () => world.server.calls.filter((call) => call.name === 'write_note');
  const reads = () => world.server.calls.filter((call) => call.name === 'read_notes');
  const pendingCard = () => world.chat.approvalCard('write_note').filter({ has: fixture.panel.page.getByRole('button', { name: 'Approve', exact: true }) });
  const chatRequests = (): RecordedRequest[] => world.model.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/chat/completions'));
  const write = (title: string, id: string) => ({ name: WRITE, arguments: JSON.stringify({ title, body: `Body of ${title}` }), id });
  const read = (id: string) => ({ name: READ, arguments: '{}', id });

  /** The tool-call ids of the last assistant message the model was sent. */
  function idsSentBack(): string[] {
    const body = chatRequests().at(-1)!.body as { messages: { role: string; tool_calls?: { id: string }[] }[] };
    return body.messages.filter((m) => m.role === 'assistant' && m.tool_calls).at(-1)!.tool_calls!.map((call) => call.id);
  }

  /** Waits for the write's card; fails at once, saying so, if a write reaches the server first. */
  async function cardBeforeAnyWrite(writesBefore: number): Promise<void> {
    const seen = async () => (writes().length > writesBefore ? 'a write reached the server' : (await pendingCard().count()) > 0 ? 'card' : 'waiting');
    await expect.poll(seen, { timeout: 20_000 }).toBe('card');
  }

  async function approveAndWait(text: string): Promise<void> {
    await pendingCard().getByRole('button', { name: 'Approve', exact: true }).click();
    await world.chat.answerText(text).waitFor({ timeout: 20_000 });
  }

  it('a write, then a read with the same id: no write until Approve, then exactly the call the card showed', async () => {
    await world.chat.newConversation();
    await world.chat.useConnectors('Notes');
    world.model.script([{ type: 'tool-calls', calls: [write('shown-on-card', 'dup'), read('dup')] }, { type: 'text', text: 'The shown note is written.' }]);
    await world.chat.send('Write the note');
    await cardBeforeAnyWrite(0);
    const card = pendingCard();
    await expect.poll(() => card.textContent()).toContain('Body of shown-on-card');
    // Whatever the panel is doing meanwhile, nothing was written and the repeated read did not run either.
    await expect.poll(() => chatRequests().length).toBe(1);
    expect(writes()).toEqual([]);
    expect(reads()).toEqual([]);

    await approveAndWait('The shown note is written.');
    expect(writes().map((call) => call.arguments)).toEqual([{ title: 'shown-on-card', body: 'Body of shown-on-card' }]);
    expect(reads()).toEqual([]);
    const ids = idsSentBack();
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });

  it('a read, then a write with the same id: the read runs, the write never does; a fresh call asks and sends exactly it', async () => {
    await world.chat.newConversation();
    await world.chat.useConnectors('Notes');
    const readsBefore = reads().length;
    const writesBefore = writes().length;
    world.model.script([
      { type: 'tool-calls', calls: [read('dup2'), write('smuggled', 'dup2')] },
      { type: 'tool-calls', calls: [write('asked-properly', 'fresh')] },
      { type: 'text', text: 'Asked properly and written.' },
    ]);
    await world.chat.send('Read, then write');
    await cardBeforeAnyWrite(writesBefore);
    const card = pendingCard();
    await expect.poll(() => card.textContent()).toContain('Body of asked-properly');
    expect(reads()).toHaveLength(readsBefore + 1);
    expect(writes()).toHaveLength(writesBefore);
    // The model was told why the smuggled write did not run, under an id of its own.
    const refused = JSON.stringify(chatRequests().at(-1)!.body);
    expect(refused).toMatch(/dup2.*same step/);
    expect(new Set(idsSentBack()).size).toBe(2);

    await approveAndWait('Asked properly and written.');
    expect(writes().slice(writesBefore).map((call) => call.arguments)).toEqual([{ title: 'asked-properly', body: 'Body of asked-properly' }]);
  });
});
