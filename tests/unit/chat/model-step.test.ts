import { afterEach, describe, expect, it } from 'vitest';
import type { ModelClient, ModelEvent } from '@/lib/llm/model-events';
import { ModelContextTooLongError } from '@/lib/llm/model-errors';
import { byType, startHarness, type Harness } from './engine-harness';

let h: Harness;
afterEach(async () => {
  await h.close();
});

/** A model that plays fixed events, then optionally fails: no server needed for part bookkeeping. */
function fakeModel(events: ModelEvent[], failWith?: Error): ModelClient {
  return {
    async *stream() {
      yield* events;
      if (failWith) throw failWith;
    },
  };
}

describe('a model step', () => {
  it('writes reasoning before the text, both complete', async () => {
    h = await startHarness({
      model: async () => fakeModel([
        { type: 'reasoning-delta', text: 'Think' },
        { type: 'text-delta', text: 'Say' },
        { type: 'reasoning-delta', text: 'ing' },
        { type: 'finish', reason: 'stop' },
      ]),
    });
    await h.engine.begin(h.conversationId, { type: 'send', text: 'q' }).done;
    const parts = await h.lastParts();
    expect(parts.map((p) => [p.type, 'text' in p ? p.text : null, p.status.type])).toEqual([
      ['reasoning', 'Thinking', 'complete'],
      ['text', 'Say', 'complete'],
    ]);
  });

  it('keeps text streamed before a failure, marks it as an error and adds a named error part', async () => {
    h = await startHarness({ model: async () => fakeModel([{ type: 'text-delta', text: 'Partial' }], new ModelContextTooLongError('Too long for the model.', 400)) });
    const outcome = await h.engine.begin(h.conversationId, { type: 'send', text: 'q' }).done;
    expect(outcome.state).toEqual({ type: 'idle', why: 'ended' });
    const parts = await h.lastParts();
    expect(byType(parts, 'text')[0]).toMatchObject({ text: 'Partial', status: { type: 'incomplete', reason: { code: 'error' } } });
    expect(byType(parts, 'error')[0]).toMatchObject({ code: 'context-too-long', message: 'Too long for the model.' });
  });
});
