import { afterEach, describe, expect, it } from 'vitest';
import type { ModelEvent } from '@/lib/llm/model-events';
import { byType, READ, startWithFakeModel, type Harness } from './engine-harness';
import type { FakeModel } from './fake-model';

let h: Harness;
let model: FakeModel;
afterEach(async () => {
  await h?.close();
  h = undefined as never;
});

/** Events a hostile or broken model client may yield, typed as it claims, whatever it is. */
const malformed = (event: unknown) => event as ModelEvent;

describe('a model event that fails the schema', () => {
  it.each([
    ['usage with NaN token counts', { type: 'usage', inputTokens: Number.NaN, outputTokens: 3 }],
    ['usage without token counts', { type: 'usage' }],
    ['usage with negative or fractional counts', { type: 'usage', inputTokens: -4, outputTokens: 1.5 }],
    ['a tool call without a name', { type: 'tool-call', callId: 'c1', name: '', argsText: '{}' }],
    ['a tool call whose arguments are not text', { type: 'tool-call', callId: 'c1', name: READ, argsText: { path: 'a' } }],
    ['a text delta that is not a string', { type: 'text-delta', text: 5 }],
    ['an event of no known type', { type: 'surprise', text: 'hi' }],
    ['no event at all', null],
    ['a finish with an unknown reason', { type: 'finish', reason: 'bored' }],
  ])('%s ends the step with a clear error part, nothing left running', async (_what, event) => {
    ({ h, model } = await startWithFakeModel());
    model.script({ events: [{ type: 'text-delta', text: 'Partial answer' }, malformed(event), { type: 'finish', reason: 'stop' }] });
    const outcome = await h.engine.begin(h.conversationId, { type: 'send', text: 'hi' }).done;
    expect(outcome.state.type).toBe('idle');
    const history = await h.history();
    expect(history.map((m) => m.role)).toEqual(['user', 'assistant']);
    const parts = history[1]!.parts;
    // Nothing is left at "Writing…": every part has ended, and the cut text is kept.
    expect(parts.filter((part) => part.status.type === 'running')).toEqual([]);
    expect(byType(parts, 'text')[0]).toMatchObject({ text: 'Partial answer', status: { type: 'incomplete' } });
    const [error] = byType(parts, 'error');
    expect(error).toMatchObject({ code: 'bad-model-output', status: { type: 'incomplete', reason: { code: 'error' } } });
    expect(error!.message).toMatch(/^The model sent something Patchbay cannot read/);
    // No tool was called on the strength of a malformed answer, and usage was not stored from it.
    expect(h.calls).toEqual([]);
    expect(history[1]!.usage).toBeUndefined();
  });

  it('a valid answer after a malformed one is read as usual', async () => {
    ({ h, model } = await startWithFakeModel());
    model.script(
      { events: [malformed({ type: 'usage', inputTokens: 'many', outputTokens: 1 })] },
      { events: [{ type: 'text-delta', text: 'Fine now.' }, { type: 'usage', inputTokens: 3, outputTokens: 2 }, { type: 'finish', reason: 'stop' }] },
    );
    await h.engine.begin(h.conversationId, { type: 'send', text: 'hi' }).done;
    await h.engine.begin(h.conversationId, { type: 'send', text: 'again' }).done;
    const history = await h.history();
    expect(byType(history.at(-1)!.parts, 'text')[0]).toMatchObject({ text: 'Fine now.', status: { type: 'complete' } });
    expect(history.at(-1)!.usage).toEqual({ inputTokens: 3, outputTokens: 2 });
  });
});
