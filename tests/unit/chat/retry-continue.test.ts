import { afterEach, describe, expect, it } from 'vitest';
import type { MessagePart } from '@/lib/db/message-parts';
import { NothingToContinueError, NothingToRetryError } from '@/lib/chat/run-errors';
import { ModelError } from '@/lib/llm/model-errors';
import { byType, startWithFakeModel, type Harness } from './engine-harness';
import { text, type FakeModel } from './fake-model';

let h: Harness;
let model: FakeModel;
afterEach(async () => {
  await h?.close();
  h = undefined as never;
});

async function start(): Promise<void> {
  ({ h, model } = await startWithFakeModel());
}

/** Sends, lets the model stream `partial`, then stops it mid-answer. */
async function stoppedAfter(partial: string): Promise<void> {
  model.script({ events: [{ type: 'text-delta', text: partial }], hang: true });
  const run = h.engine.begin(h.conversationId, { type: 'send', text: 'Tell me a story' }).done;
  await model.requested(model.requests.length + 1);
  await h.engine.stop(h.conversationId);
  await run;
}

const writeCall = (status: MessagePart['status']): MessagePart => ({
  id: 'tc', type: 'tool-call', callId: 'c1', connectorId: 'conn-1', toolName: 'write_file', argsText: '{"path":"p","text":"t"}', args: { path: 'p', text: 't' }, status,
});

describe('retry', () => {
  it('replaces a stopped answer: the cut message goes, the model is asked again without it', async () => {
    await start();
    await stoppedAfter('Once upon');
    model.script(text('A whole story.'));
    const outcome = await h.engine.begin(h.conversationId, { type: 'retry' }).done;
    expect(outcome.state).toEqual({ type: 'idle', why: 'answered' });
    const history = await h.history();
    expect(history.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(byType(history[1]!.parts, 'text')[0]).toMatchObject({ text: 'A whole story.', status: { type: 'complete' } });
    expect(model.requests[1]!.messages).toEqual([{ role: 'user', text: 'Tell me a story' }]);
  });

  it('replaces a failed answer', async () => {
    await start();
    model.script({ fail: new ModelError('request-failed', 'Server exploded.') });
    await h.engine.begin(h.conversationId, { type: 'send', text: 'hi' }).done;
    model.script(text('Hello.'));
    await h.engine.begin(h.conversationId, { type: 'retry' }).done;
    const history = await h.history();
    expect(history).toHaveLength(2);
    expect(byType(history[1]!.parts, 'error')).toHaveLength(0);
  });

  it('is refused when the last answer is complete', async () => {
    await start();
    model.script(text('Done.'));
    await h.engine.begin(h.conversationId, { type: 'send', text: 'hi' }).done;
    await expect(h.engine.begin(h.conversationId, { type: 'retry' }).done).rejects.toBeInstanceOf(NothingToRetryError);
    expect(model.requests).toHaveLength(1);
  });

  it('never re-sends a write call of unknown outcome: the model is told it has no result', async () => {
    await start();
    await h.store.append({ conversationId: h.conversationId, role: 'user', parts: [{ id: 'u', type: 'text', text: 'write it', status: { type: 'complete' } }] });
    await h.store.append({
      conversationId: h.conversationId,
      role: 'assistant',
      parts: [
        writeCall({ type: 'incomplete', reason: { code: 'outcome-unknown', message: 'It may or may not have run.' } }),
        { id: 'ap', type: 'approval', callId: 'c1', decision: 'allow', remembered: false, status: { type: 'complete' } },
      ],
    });
    model.script(text('I could not confirm the write.'));
    await h.engine.begin(h.conversationId, { type: 'retry' }).done;
    expect(h.calls).toHaveLength(0);
    const [step, answer] = (await h.history()).slice(1);
    expect(byType(step!.parts, 'tool-call')[0]!.status).toMatchObject({ reason: { code: 'outcome-unknown' } });
    expect(byType(step!.parts, 'tool-result')[0]).toMatchObject({ callId: 'c1', isError: true });
    expect(model.requests[0]!.messages.at(-1)).toMatchObject({ role: 'tool', callId: 'c1', text: expect.stringContaining('not sent again') });
    expect(byType(answer!.parts, 'text')[0]!.text).toBe('I could not confirm the write.');
  });
});

describe('continue', () => {
  it('keeps the cut text and lets the model go on from it', async () => {
    await start();
    await stoppedAfter('Once upon');
    model.script(text(' a time.'));
    const outcome = await h.engine.begin(h.conversationId, { type: 'continue' }).done;
    expect(outcome.state).toEqual({ type: 'idle', why: 'answered' });
    const [, cut, rest] = await h.history();
    expect(byType(cut!.parts, 'text')[0]).toMatchObject({ text: 'Once upon', kept: true, status: { type: 'incomplete', reason: { code: 'cancelled' } } });
    expect(byType(cut!.parts, 'error')).toHaveLength(0);
    expect(byType(rest!.parts, 'text')[0]!.text).toBe(' a time.');
    expect(model.requests[1]!.messages).toEqual([
      { role: 'user', text: 'Tell me a story' },
      { role: 'assistant', text: 'Once upon', toolCalls: [] },
    ]);
  });

  it('is refused when the cut answer has no text (only Retry applies)', async () => {
    await start();
    model.script({ fail: new ModelError('request-failed', 'Server exploded.') });
    await h.engine.begin(h.conversationId, { type: 'send', text: 'hi' }).done;
    await expect(h.engine.begin(h.conversationId, { type: 'continue' }).done).rejects.toBeInstanceOf(NothingToContinueError);
  });

  it('a retry after a failed continuation keeps the kept text and asks again', async () => {
    await start();
    await stoppedAfter('Once upon');
    model.script({ fail: new ModelError('request-failed', 'Server exploded.') });
    await h.engine.begin(h.conversationId, { type: 'continue' }).done;
    model.script(text(' a time.'));
    await h.engine.begin(h.conversationId, { type: 'retry' }).done;
    const [, cut, rest] = await h.history();
    expect(byType(cut!.parts, 'text')[0]).toMatchObject({ text: 'Once upon', kept: true });
    expect(byType(rest!.parts, 'text')[0]!.text).toBe(' a time.');
  });
});

describe('run events', () => {
  it('says when a run starts and ends, and nothing for a refused command', async () => {
    await start();
    model.script(text('Hi.'));
    await h.engine.begin(h.conversationId, { type: 'send', text: 'hi' }).done;
    await expect(h.engine.begin(h.conversationId, { type: 'retry' }).done).rejects.toThrow();
    const lifecycle = h.events.filter((e) => e.type === 'run-started' || e.type === 'run-ended').map((e) => e.type);
    expect(lifecycle).toEqual(['run-started', 'run-ended']);
  });
});
