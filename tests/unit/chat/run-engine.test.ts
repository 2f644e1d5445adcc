import { afterEach, describe, expect, it } from 'vitest';
import { READ, byType, callIdOf, startHarness, type Harness } from './engine-harness';

let h: Harness;
afterEach(async () => {
  await h.close();
});

/** The tool messages of a Chat Completions request. */
const toolMessages = (body: Record<string, unknown>) =>
  (body.messages as { role: string; tool_call_id?: string; content?: string }[]).filter((m) => m.role === 'tool');

describe('a read-only tool call', () => {
  it('runs at once and its result reaches the next model request, then the answer ends the run', async () => {
    h = await startHarness();
    h.server.script([
      { type: 'tool-calls', calls: [{ name: READ, arguments: '{"path":"notes.txt"}' }] },
      { type: 'text', text: 'The file says hello.' },
    ]);
    const outcome = await h.engine.begin(h.conversationId, { type: 'send', text: 'What is in notes.txt?' }).done;
    expect(outcome.state).toEqual({ type: 'idle', why: 'answered' });
    expect(h.calls.map(({ connectorId, toolName, args }) => ({ connectorId, toolName, args }))).toEqual([
      { connectorId: 'conn-1', toolName: 'read_file', args: { path: 'notes.txt' } },
    ]);
    const [first, second] = h.modelRequests();
    expect(JSON.stringify(first!.tools)).toContain(READ);
    expect(toolMessages(second!)).toEqual([expect.objectContaining({ tool_call_id: 'call_1_0', content: expect.stringContaining('contents of notes.txt') })]);
    const history = await h.history();
    expect(history.map((m) => m.role)).toEqual(['user', 'assistant', 'assistant']);
    const step = history[1]!.parts;
    expect(byType(step, 'tool-call')[0]).toMatchObject({ status: { type: 'complete' }, argsText: '{"path":"notes.txt"}', args: { path: 'notes.txt' } });
    expect(byType(step, 'tool-result')[0]).toMatchObject({ callId: callIdOf(step, 'call_1_0'), isError: false, result: { content: [{ text: 'contents of notes.txt' }] } });
    expect(byType(history[2]!.parts, 'text')[0]).toMatchObject({ text: 'The file says hello.', status: { type: 'complete' } });
  });

  it('keeps the whole result in the part and sends the model a capped copy', async () => {
    h = await startHarness({ resultBudgetBytes: 200 });
    h.answer = async () => ({ content: [{ type: 'text', text: 'A'.repeat(5_000) }] });
    h.server.script([{ type: 'tool-calls', calls: [{ name: READ, arguments: '{"path":"big"}' }] }, { type: 'text', text: 'ok' }]);
    await h.engine.begin(h.conversationId, { type: 'send', text: 'read big' }).done;
    const sent = toolMessages(h.modelRequests()[1]!)[0]!.content!;
    expect(sent.length).toBeLessThan(600);
    expect(sent).toContain('truncated');
    const result = byType((await h.history())[1]!.parts, 'tool-result')[0]!;
    expect(JSON.stringify(result.result)).toContain('A'.repeat(5_000));
  });
});

describe('argument validation', () => {
  it.each([
    ['breaks the schema', '{"path":5}', /do not match the tool's input schema/],
    ['is not JSON', '{"pa', /not valid JSON/],
    ['is not an object', '[1]', /must be a JSON object/],
  ])('sends a tool error to the model when the arguments %s, and never calls the tool', async (_what, args, problem) => {
    h = await startHarness();
    h.server.script([{ type: 'tool-calls', calls: [{ name: READ, arguments: args }] }, { type: 'text', text: 'sorry' }]);
    const outcome = await h.engine.begin(h.conversationId, { type: 'send', text: 'go' }).done;
    expect(outcome.state.type).toBe('idle');
    expect(h.calls).toHaveLength(0);
    expect(toolMessages(h.modelRequests()[1]!)[0]!.content).toMatch(problem);
    const step = (await h.history())[1]!.parts;
    expect(byType(step, 'tool-call')[0]).toMatchObject({ argsText: args, status: { type: 'incomplete', reason: { code: 'error' } } });
    expect(byType(step, 'tool-result')[0]).toMatchObject({ isError: true });
  });

  it('answers a call to a tool that does not exist with a tool error', async () => {
    h = await startHarness();
    h.server.script([{ type: 'tool-calls', calls: [{ name: 'Files__nope', arguments: '{}' }] }, { type: 'text', text: 'ok' }]);
    await h.engine.begin(h.conversationId, { type: 'send', text: 'go' }).done;
    expect(h.calls).toHaveLength(0);
    expect(toolMessages(h.modelRequests()[1]!)[0]!.content).toContain('no tool named');
  });
});

describe('through the Responses API', () => {
  it('runs a read-only call and sends its output back as a function_call_output', async () => {
    h = await startHarness({ api: 'responses' });
    h.server.script([{ type: 'tool-calls', calls: [{ name: READ, arguments: '{"path":"r.txt"}' }] }, { type: 'text', text: 'Done.' }]);
    const outcome = await h.engine.begin(h.conversationId, { type: 'send', text: 'read r.txt' }).done;
    expect(outcome.state).toEqual({ type: 'idle', why: 'answered' });
    const input = h.modelRequests()[1]!.input as { type?: string; call_id?: string; output?: string }[];
    expect(input).toContainEqual(expect.objectContaining({ type: 'function_call', call_id: 'call_1_0', name: READ }));
    expect(input).toContainEqual(expect.objectContaining({ type: 'function_call_output', call_id: 'call_1_0', output: expect.stringContaining('contents of r.txt') }));
    expect(byType(await h.lastParts(), 'text')[0]!.text).toBe('Done.');
  });
});
