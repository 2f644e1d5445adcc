import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelApi } from '@/lib/contract/model-api';
import { createTurnCommandHandlers } from '@/lib/background/turn-command-handlers';
import { NothingToReplaceError } from '@/lib/chat/replace-turn';
import { WRITE, byType, startHarness, until, type Harness } from '../../unit/chat/engine-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The messages (Chat Completions) or input + instructions (Responses) the server received, in order. */
function sentTexts(harness: Harness): unknown[] {
  return harness.modelRequests().map((body) => ('messages' in body ? body.messages : { instructions: body.instructions, input: body.input }));
}

async function settle(harness: Harness): Promise<void> {
  await until(() => !harness.engine.runningConversationIds().includes(harness.conversationId));
}

describe.each<ModelApi>(['chat-completions', 'responses'])('the conversation’s system prompt over %s, against the scripted model server', (api) => {
  it('is sent first with every request, changes apply to the next one, and clearing it sends none', async () => {
    h = await startHarness({ api });
    const turns = createTurnCommandHandlers({ store: h.store, engine: h.engine });
    await turns['chat.setSystemPrompt']({ conversationId: h.conversationId, systemPrompt: '  Answer like a pirate.  ' });
    expect((await h.store.conversation(h.conversationId)).systemPrompt).toBe('Answer like a pirate.');
    h.server.script([{ type: 'text', text: 'Arr.' }, { type: 'text', text: 'Plain.' }]);
    await h.engine.begin(h.conversationId, { type: 'send', text: 'hi' }).done;

    await turns['chat.setSystemPrompt']({ conversationId: h.conversationId, systemPrompt: '' });
    await h.engine.begin(h.conversationId, { type: 'send', text: 'again' }).done;
    const [first, second] = h.modelRequests();
    if (api === 'chat-completions') {
      expect((first!.messages as unknown[])[0]).toEqual({ role: 'system', content: 'Answer like a pirate.' });
      expect((second!.messages as { role: string }[]).some((m) => m.role === 'system')).toBe(false);
    } else {
      expect(first!.instructions).toBe('Answer like a pirate.');
      expect((first!.input as { role?: string }[]).some((item) => item.role === 'system')).toBe(false);
      expect(second!.instructions).toBeUndefined();
    }
    expect((await h.store.conversation(h.conversationId)).systemPrompt).toBeUndefined();
  });
});

describe('Regenerate and Edit & Resend in the run loop, against the scripted model server', () => {
  it('Regenerate asks again from the same input, and keeps the replaced answer on the conversation', async () => {
    h = await startHarness();
    h.server.script([{ type: 'text', text: 'First answer.' }, { type: 'text', text: 'Second answer.' }]);
    await h.engine.begin(h.conversationId, { type: 'send', text: 'Tell me' }).done;
    const turns = createTurnCommandHandlers({ store: h.store, engine: h.engine });
    await turns['chat.regenerate']({ conversationId: h.conversationId });
    await settle(h);
    const history = await h.history();
    expect(history.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(byType(history[1]!.parts, 'text')[0]!.text).toBe('Second answer.');
    const [before, after] = sentTexts(h);
    expect(after).toEqual(before);
    const { replacedTurns } = await h.store.conversation(h.conversationId);
    expect(replacedTurns).toHaveLength(1);
    expect(replacedTurns![0]).toMatchObject({ why: 'regenerated', messages: [{ role: 'assistant' }] });
    expect(byType(replacedTurns![0]!.messages[0]!.parts, 'text')[0]!.text).toBe('First answer.');
  });

  it('Edit & Resend replaces the last question and what followed; the old turn is kept', async () => {
    h = await startHarness();
    h.server.script([{ type: 'text', text: 'About cats.' }, { type: 'text', text: 'About dogs.' }]);
    await h.engine.begin(h.conversationId, { type: 'send', text: 'Tell me about cats' }).done;
    await createTurnCommandHandlers({ store: h.store, engine: h.engine })['chat.editLast']({ conversationId: h.conversationId, text: 'Tell me about dogs' });
    await settle(h);
    const history = await h.history();
    expect(history.map((m) => byType(m.parts, 'text')[0]!.text)).toEqual(['Tell me about dogs', 'About dogs.']);
    const lastRequest = h.modelRequests().at(-1)!.messages as { role: string; content: string }[];
    expect(lastRequest).toEqual([{ role: 'user', content: 'Tell me about dogs' }]);
    const { replacedTurns } = await h.store.conversation(h.conversationId);
    expect(replacedTurns![0]!.why).toBe('edited');
    expect(replacedTurns![0]!.messages.map((m) => byType(m.parts, 'text')[0]!.text)).toEqual(['Tell me about cats', 'About cats.']);
  });

  it('Regenerate after a write call does not send it again: the new call waits for approval', async () => {
    h = await startHarness();
    const write = { name: WRITE, arguments: JSON.stringify({ path: 'notes.txt', text: 'hello' }) };
    h.server.script([{ type: 'tool-calls', calls: [write] }]);
    await h.engine.begin(h.conversationId, { type: 'send', text: 'Write notes' }).done;
    const approval = byType(await h.lastParts(), 'approval')[0]!;
    await h.engine.begin(h.conversationId, { type: 'decide', callId: approval.callId, decision: 'allow', remembered: false }).done;
    expect(h.calls.map((call) => call.toolName)).toEqual(['write_file']);

    h.server.script([{ type: 'tool-calls', calls: [write] }]);
    await createTurnCommandHandlers({ store: h.store, engine: h.engine })['chat.regenerate']({ conversationId: h.conversationId });
    await settle(h);
    // The model asked for the same write again: it is a new call, pending on its card, not sent.
    expect(h.calls).toHaveLength(1);
    const parts = await h.lastParts();
    expect(byType(parts, 'approval')).toMatchObject([{ decision: 'pending' }]);
    expect(byType(parts, 'tool-result')).toHaveLength(0);
  });

  it('refuses with a clear reason when there is nothing to regenerate or edit, and changes nothing', async () => {
    h = await startHarness();
    const turns = createTurnCommandHandlers({ store: h.store, engine: h.engine });
    await expect(turns['chat.regenerate']({ conversationId: h.conversationId })).rejects.toBeInstanceOf(NothingToReplaceError);
    await expect(turns['chat.editLast']({ conversationId: h.conversationId, text: 'x' })).rejects.toThrow('There is no message of yours to edit.');
    expect(await h.history()).toEqual([]);
    expect((await h.store.conversation(h.conversationId)).replacedTurns).toBeUndefined();
  });
});
