import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorsRepository } from '@/lib/db/repositories/connectors-repository';
import type { MessagePart } from '@/lib/db/message-parts';
import type { ModelClient, ModelEvent } from '@/lib/llm/model-events';
import { switchTool } from '@/lib/mcp/catalog/tool-switches';
import { byType, READ, startHarness, WRITE, type Harness } from './engine-harness';

let h: Harness;
afterEach(() => h.close());

const READ_ARGS = '{"path":"a.txt"}';
const WRITE_ARGS = '{"path":"a.txt","text":"hi"}';

/** Flips a switch the way the Connectors tab does (see `connectors.setToolEnabled`). */
async function switchOff(toolName: string): Promise<void> {
  await new ConnectorsRepository(h.db).updateWith('conn-1', (row) => switchTool(row, toolName, false));
}

const offered = (request: Record<string, unknown> | undefined) =>
  ((request?.tools as { function: { name: string } }[] | undefined) ?? []).map((tool) => tool.function.name);

const callOf = (parts: MessagePart[], toolName: string) => byType(parts, 'tool-call').find((part) => part.toolName === toolName);

async function allParts(): Promise<MessagePart[]> {
  return (await h.history()).flatMap((message) => message.parts);
}

/** The call ended as a tool error that says `why`, with no card (unless it was approved on one), and the model was told. */
async function expectRefused(toolName: string, why: RegExp, approved = false): Promise<void> {
  const parts = await allParts();
  const call = callOf(parts, toolName)!;
  expect(call.status).toMatchObject({ type: 'incomplete', reason: { code: 'error', message: expect.stringMatching(why) } });
  const cards = byType(parts, 'approval').filter((part) => part.callId === call.callId);
  expect(cards.map((card) => card.decision)).toEqual(approved ? ['allow'] : []);
  const result = byType(parts, 'tool-result').find((part) => part.callId === call.callId);
  expect(result).toMatchObject({ isError: true });
  expect(JSON.stringify(h.modelRequests().at(-1)!.messages)).toMatch(why);
}

describe('a switch or a deselection reaches a run in progress at its next step', () => {
  it('a tool switched off during a run is no longer offered, and a call to it is refused', async () => {
    h = await startHarness();
    h.answer = async (record) => {
      await switchOff('write_file');
      return { content: [{ type: 'text', text: `contents of ${String(record.args.path)}` }] };
    };
    h.server.script([
      { type: 'tool-calls', calls: [{ name: READ, arguments: READ_ARGS }] },
      // A hostile model calls the tool it was no longer offered.
      { type: 'tool-calls', calls: [{ name: WRITE, arguments: WRITE_ARGS }] },
      { type: 'text', text: 'Done.' },
    ]);
    expect((await h.engine.begin(h.conversationId, { type: 'send', text: 'read, then write' }).done).state).toEqual({ type: 'idle', why: 'answered' });
    const [first, second] = h.modelRequests();
    expect(offered(first)).toEqual([READ, WRITE]);
    expect(offered(second)).toEqual([READ]);
    await expectRefused('write_file', /switched off/);
    expect(h.calls.map((call) => call.toolName)).toEqual(['read_file']);
  });

  it('a connector deselected during a run offers nothing more, and a call to its tool is refused', async () => {
    h = await startHarness();
    h.answer = async () => {
      await h.store.conversations.update(h.conversationId, { connectorIds: [] });
      return { content: [{ type: 'text', text: 'contents' }] };
    };
    h.server.script([
      { type: 'tool-calls', calls: [{ name: READ, arguments: READ_ARGS }] },
      { type: 'tool-calls', calls: [{ name: READ, arguments: '{"path":"b.txt"}' }] },
      { type: 'text', text: 'Done.' },
    ]);
    expect((await h.engine.begin(h.conversationId, { type: 'send', text: 'read twice' }).done).state).toEqual({ type: 'idle', why: 'answered' });
    expect(offered(h.modelRequests()[1])).toEqual([]);
    const refused = byType(await allParts(), 'tool-call').filter((part) => part.status.type === 'incomplete');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.status).toMatchObject({ reason: { message: expect.stringMatching(/no longer selected/) } });
    expect(h.calls.map((call) => call.args.path)).toEqual(['a.txt']);
  });

  it('a tool switched off while the model is still answering is refused at admission', async () => {
    const events: ModelEvent[] = [
      { type: 'tool-call', callId: 'c1', name: WRITE, argsText: WRITE_ARGS },
      { type: 'finish', reason: 'tool-calls' },
    ];
    let requests = 0;
    const model: ModelClient = {
      async *stream() {
        requests += 1;
        if (requests > 1) return yield* [{ type: 'text-delta', text: 'Done.' }, { type: 'finish', reason: 'stop' }] satisfies ModelEvent[];
        // The request offered write_file; the user switches it off before the call arrives.
        await switchOff('write_file');
        yield* events;
      },
    };
    h = await startHarness({ model: async () => model });
    expect((await h.engine.begin(h.conversationId, { type: 'send', text: 'write' }).done).state).toEqual({ type: 'idle', why: 'answered' });
    const call = callOf(await allParts(), 'write_file')!;
    expect(call.status).toMatchObject({ type: 'incomplete', reason: { code: 'error', message: expect.stringMatching(/switched off/) } });
    expect(byType(await allParts(), 'approval')).toEqual([]);
    expect(h.calls).toEqual([]);
  });

  it('an approved call whose tool was switched off while its card waited is not sent', async () => {
    h = await startHarness();
    h.server.script([{ type: 'tool-calls', calls: [{ name: WRITE, arguments: WRITE_ARGS }] }, { type: 'text', text: 'Done.' }]);
    expect((await h.engine.begin(h.conversationId, { type: 'send', text: 'write' }).done).state.type).toBe('awaiting-approval');
    await switchOff('write_file');
    const callId = callOf(await h.lastParts(), 'write_file')!.callId;
    await h.engine.begin(h.conversationId, { type: 'decide', callId: callId, decision: 'allow', remembered: false }).done;
    expect(h.calls).toEqual([]);
    await expectRefused('write_file', /switched off/, true);
  });

  it('an approved call whose connector was deselected while its card waited is not sent', async () => {
    h = await startHarness();
    h.server.script([{ type: 'tool-calls', calls: [{ name: WRITE, arguments: WRITE_ARGS }] }, { type: 'text', text: 'Done.' }]);
    expect((await h.engine.begin(h.conversationId, { type: 'send', text: 'write' }).done).state.type).toBe('awaiting-approval');
    await h.store.conversations.update(h.conversationId, { connectorIds: [] });
    const callId = callOf(await h.lastParts(), 'write_file')!.callId;
    await h.engine.begin(h.conversationId, { type: 'decide', callId: callId, decision: 'allow', remembered: false }).done;
    expect(h.calls).toEqual([]);
    const call = callOf(await allParts(), 'write_file')!;
    expect(call.status).toMatchObject({ type: 'incomplete', reason: { message: expect.stringMatching(/no longer selected/) } });
  });
});
