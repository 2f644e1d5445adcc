import 'fake-indexeddb/auto';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SamplingDraftSchema } from '@/lib/contract/sampling-draft';
import { startSamplingToolsServer, type SamplingToolsServer } from '../fixtures/mcp-servers/sampling-tools-server';
import { startModelServer, type ModelServer } from '../fixtures/model-server';
import { samplingHarness } from './sampling-harness';

const textOf = (result: CallToolResult) => result.content.map((block) => (block.type === 'text' ? block.text : '')).join('');

// A real SDK server running an agent loop over sampling with tools: the model's tool use reaches
// the server only when the person sends it, and the server, not Patchbay, runs the tool.
describe('sampling with tools against an SDK server’s agent loop', () => {
  let server: SamplingToolsServer;
  let model: ModelServer;
  let harness: Awaited<ReturnType<typeof samplingHarness>>;

  beforeEach(async () => {
    [server, model] = await Promise.all([startSamplingToolsServer(), startModelServer({ apiKey: 'sk-t', models: ['scripted-model'] })]);
    harness = await samplingHarness({ label: 'Planner', url: server.url, tool: 'plan_day', model, apiKey: 'sk-t' });
  });
  afterEach(async () => {
    await harness.close();
    await Promise.all([server.close(), model.close()]);
  });

  it('shows the tool use for review, sends the edited input, and the server runs it and asks again with the result', async () => {
    model.script([
      { type: 'tool-calls', calls: [{ name: 'Planner__get_weather', arguments: '{"city":"Paris"}' }] },
      { type: 'text', text: 'Sunny: walk along the Seine.' },
    ]);
    const running = harness.hub.callTool(harness.id, 'plan_day', {}, { caller: { type: 'hand-run', callId: 'plan-1', toolName: 'plan_day' } });
    const first = await harness.rowWhere((row) => row.status === 'pending', 'the first sampling card');
    expect(first.params).toMatchObject({ tools: [{ name: 'get_weather' }, { name: 'book_table' }], toolChoice: { mode: 'auto' } });
    const offered = JSON.stringify(model.requests);
    expect(offered).toBe('[]');

    await harness.broker.answer({ id: first.id, answer: { action: 'approve' } });
    const review = await harness.rowWhere((row) => row.id === first.id && row.status === 'review', 'the tool use to review');
    const draft = SamplingDraftSchema.parse(review.draft);
    expect(draft.toolUses).toEqual([expect.objectContaining({ name: 'get_weather', input: { city: 'Paris' }, risk: 'read-only', problems: [] })]);
    expect(JSON.stringify(model.requests[0]!.body)).toContain('Planner__book_table');
    // Reviewing is not sending: the server has run nothing.
    expect(server.ran).toEqual([]);

    await harness.broker.answer({ id: first.id, answer: { action: 'send', edit: { text: '', toolInputs: { [draft.toolUses[0]!.id]: { city: 'Lyon' } } } } });
    const second = await harness.rowWhere((row) => row.id !== first.id && row.status === 'pending', 'the second sampling card, with the tool’s result');
    expect(server.ran).toEqual([{ name: 'get_weather', input: { city: 'Lyon' } }]);
    expect(JSON.stringify(second.params.messages)).toContain('SUNNY-22C');

    await harness.broker.answer({ id: second.id, answer: { action: 'approve' } });
    await harness.rowWhere((row) => row.id === second.id && row.status === 'review', 'the final answer');
    // The tool's result went to the model as the API's tool message, answering the model's own call id.
    const { messages } = model.requests.at(-1)!.body as { messages: Array<Record<string, unknown>> };
    expect(messages[1]).toMatchObject({ role: 'assistant', tool_calls: [{ id: 'call_1_0', function: { name: 'Planner__get_weather', arguments: '{"city":"Lyon"}' } }] });
    expect(messages[2]).toMatchObject({ role: 'tool', tool_call_id: 'call_1_0', content: expect.stringContaining('SUNNY-22C') });
    await harness.broker.answer({ id: second.id, answer: { action: 'send', edit: { text: 'Sunny: walk along the Seine.', toolInputs: {} } } });
    expect(textOf(await running)).toBe('Plan: Sunny: walk along the Seine.');
  });

  it('a write tool use is flagged as one, and Discard keeps it from the server', async () => {
    model.script([{ type: 'tool-calls', calls: [{ name: 'Planner__book_table', arguments: '{"place":"Le Train Bleu"}' }] }]);
    const running = harness.hub.callTool(harness.id, 'plan_day', {}, {});
    const pending = await harness.rowWhere((row) => row.status === 'pending', 'the sampling card');
    await harness.broker.answer({ id: pending.id, answer: { action: 'approve' } });
    const review = await harness.rowWhere((row) => row.status === 'review', 'the tool use to review');
    expect(SamplingDraftSchema.parse(review.draft).toolUses[0]).toMatchObject({ name: 'book_table', risk: 'write' });
    await harness.broker.answer({ id: pending.id, answer: { action: 'discard' } });
    expect(textOf(await running)).toContain('discarded the model’s answer');
    expect(server.ran).toEqual([]);
  });
});
