import { afterEach, describe, expect, it } from 'vitest';
import type { ModelApi } from '@/lib/contract/model-api';
import { byType, READ, startHarness, type Harness } from './engine-harness';

let h: Harness;
afterEach(async () => {
  await h?.close();
  h = undefined as never;
});

const chunk = (delta: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id: 'chatcmpl-x',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'm1',
  choices: [{ index: 0, delta, finish_reason: null }],
  ...extra,
});
const hello = chunk({ role: 'assistant', content: 'Hello' });
const done = chunk({}, { choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });

const textDelta = (delta: unknown) => ({ type: 'response.output_text.delta', item_id: 'i', output_index: 0, content_index: 0, delta, sequence_number: 1 });
const completed = (usage: unknown) => ({ type: 'response.completed', sequence_number: 9, response: { id: 'r', object: 'response', status: 'completed', output: [], usage } });

// The real openai SDK reads a stream from the scripted model server that carries one malformed piece.
const cases: [ModelApi, string, unknown[]][] = [
  ['chat-completions', 'a usage chunk without token counts', [hello, done, chunk({}, { choices: [], usage: { total_tokens: 3 } })]],
  ['chat-completions', 'a usage chunk whose counts are not numbers', [hello, done, chunk({}, { choices: [], usage: { prompt_tokens: 'NaN', completion_tokens: 2 } })]],
  ['chat-completions', 'a delta whose content is not a string', [hello, chunk({ content: 5 }), done]],
  ['chat-completions', 'a tool call without a name', [hello, chunk({ tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { arguments: '{"path":"a"}' } }] }), chunk({}, { choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] })]],
  ['chat-completions', 'choices that are not a list', [hello, { id: 'x', object: 'chat.completion.chunk', choices: 'all of them' }]],
  ['responses', 'a completed response whose usage has no token counts', [textDelta('Hello'), completed({ total_tokens: 3 })]],
  ['responses', 'a text delta that is not a string', [textDelta('Hello'), textDelta({ text: 'x' }), completed({ input_tokens: 1, output_tokens: 1, total_tokens: 2 })]],
  ['responses', 'a function call without a name', [textDelta('Hello'), { type: 'response.output_item.done', output_index: 0, sequence_number: 2, item: { type: 'function_call', call_id: 'c', arguments: '{}' } }, completed({ input_tokens: 1, output_tokens: 1, total_tokens: 2 })]],
];

describe('a malformed piece of the model stream, read by the real openai SDK', () => {
  it.each(cases)('%s: %s ends the step with a clear error part, nothing left running', async (api, _what, events) => {
    h = await startHarness({ api });
    h.server.script([{ type: 'raw-stream', events }]);
    const outcome = await h.engine.begin(h.conversationId, { type: 'send', text: 'hi' }).done;
    expect(outcome.state.type).toBe('idle');
    const history = await h.history();
    expect(history.map((m) => m.role)).toEqual(['user', 'assistant']);
    const parts = history[1]!.parts;
    expect(parts.filter((part) => part.status.type === 'running')).toEqual([]);
    expect(byType(parts, 'text')[0]).toMatchObject({ text: 'Hello', status: { type: 'incomplete', reason: { code: 'error' } } });
    const [error] = byType(parts, 'error');
    expect(error).toMatchObject({ code: 'bad-model-output' });
    expect(error!.message).toMatch(/^The model sent something Patchbay cannot read \(.+\)/);
    expect(h.calls).toEqual([]);
    expect(history[1]!.usage).toBeUndefined();
  });

  it('a chunk that is not JSON at all ends the step the same way', async () => {
    h = await startHarness();
    h.server.script([{ type: 'raw-stream', events: [hello, '{"choices": [ not json'] }]);
    await h.engine.begin(h.conversationId, { type: 'send', text: 'hi' }).done;
    const parts = (await h.history())[1]!.parts;
    expect(parts.filter((part) => part.status.type === 'running')).toEqual([]);
    expect(byType(parts, 'error')[0]).toMatchObject({ code: 'bad-model-output' });
  });

  it('a well-formed raw stream still reads as before (the checks refuse only what is broken)', async () => {
    h = await startHarness();
    const call = chunk({ tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: READ, arguments: '{"path":"a"}' } }] });
    const usage = chunk({}, { choices: [], usage: { prompt_tokens: 7, completion_tokens: 2, total_tokens: 9 } });
    h.server.script([{ type: 'raw-stream', events: [hello, call, chunk({}, { choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] }), usage] }, { type: 'text', text: 'Read it.' }]);
    await h.engine.begin(h.conversationId, { type: 'send', text: 'hi' }).done;
    const history = await h.history();
    expect(byType(history[1]!.parts, 'error')).toEqual([]);
    expect(history[1]!.usage).toEqual({ inputTokens: 7, outputTokens: 2 });
    expect(h.calls.map((c) => c.toolName)).toEqual(['read_file']);
  });
});
