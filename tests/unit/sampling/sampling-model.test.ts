import { CreateMessageResultSchema, CreateMessageResultWithToolsSchema, type CreateMessageRequestParams } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelApi } from '@/lib/contract/model-api';
import { createSamplingModel } from '@/lib/llm/sampling/create-sampling-model';
import { draftFromAnswer } from '@/lib/sampling/sampling-draft';
import { toSamplingModelRequest, MAX_SAMPLING_TOKENS } from '@/lib/sampling/sampling-model-request';
import { samplingToolNames } from '@/lib/sampling/sampling-tool-names';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';

const KEY = 'sk-sampling-key';
const servers: ModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function server(): Promise<ModelServer> {
  const started = await startModelServer({ apiKey: KEY, models: ['m1'] });
  servers.push(started);
  return started;
}

const PNG = 'iVBORw0KGgo=';
const WAV = 'UklGRg==';
const weather = {
  name: 'get.weather',
  description: 'Weather for a city',
  inputSchema: { type: 'object' as const, properties: { city: { type: 'string' } }, required: ['city'] },
  annotations: { readOnlyHint: false, destructiveHint: false },
};

/** A request with everything the spec allows: history with tool use, media, every knob. */
const fullRequest: CreateMessageRequestParams = {
  systemPrompt: 'You are the test server.',
  maxTokens: 120,
  temperature: 0.3,
  stopSequences: ['STOP-HERE'],
  tools: [weather],
  toolChoice: { mode: 'auto' },
  messages: [
    { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }, { type: 'image', data: PNG, mimeType: 'image/png' }] },
    { role: 'assistant', content: { type: 'tool_use', id: 'use-1', name: 'get.weather', input: { city: 'Paris' } } },
    { role: 'user', content: { type: 'tool_result', toolUseId: 'use-1', content: [{ type: 'text', text: 'RAIN-17C' }] } },
  ],
};

async function sample(api: ModelApi, s: ModelServer, params: CreateMessageRequestParams) {
  const names = samplingToolNames(params, 'Everything');
  const model = createSamplingModel({ apiKey: KEY, baseUrl: s.url, model: 'm1', api });
  const answer = await model.complete(toSamplingModelRequest(params, names, 'Everything'), new AbortController().signal);
  return { answer, names, draft: draftFromAnswer(params, answer, names) };
}

describe.each<ModelApi>(['chat-completions', 'responses'])('sampling over %s', (api) => {
  const path = api === 'chat-completions' ? '/v1/chat/completions' : '/v1/responses';
  const bodyOf = (s: ModelServer) => s.requests.find((r) => r.path === path)!.body as Record<string, unknown>;

  it('sends the system prompt, messages, image, history, tools and limits in the API shape', async () => {
    const s = await server();
    s.script([{ type: 'text', text: 'Rainy, 17 °C.' }]);
    await sample(api, s, fullRequest);
    const body = bodyOf(s);
    const raw = JSON.stringify(body);
    expect(body).toMatchObject({ model: 'm1', stream: false, temperature: 0.3 });
    expect(raw).toContain('You are the test server.');
    expect(raw).toContain(`data:image/png;base64,${PNG}`);
    expect(raw).toContain('RAIN-17C');
    expect(raw).toContain('Everything__get_weather');
    if (api === 'chat-completions') {
      expect(body).toMatchObject({ max_completion_tokens: 120, stop: ['STOP-HERE'], tool_choice: 'auto' });
      expect(raw).toContain('"tool_call_id":"use-1"');
    } else {
      expect(body).toMatchObject({ max_output_tokens: 120, instructions: 'You are the test server.', tool_choice: 'auto', store: false });
      expect(raw).toContain('"function_call_output"');
    }
  });

  it('answers text as a CreateMessageResult: role assistant, the model, endTurn', async () => {
    const s = await server();
    s.script([{ type: 'text', text: 'Plain answer.' }]);
    const { draft } = await sample(api, s, { messages: [{ role: 'user', content: { type: 'text', text: 'Hi' } }], maxTokens: 50 });
    expect(draft.withTools).toBe(false);
    expect(CreateMessageResultSchema.parse(draft.result)).toEqual({ role: 'assistant', model: 'm1', stopReason: 'endTurn', content: { type: 'text', text: 'Plain answer.' } });
  });

  it('cuts the text at a stop sequence and says stopSequence', async () => {
    const s = await server();
    s.script([{ type: 'text', text: 'Keep this STOP-HERE drop this' }]);
    const { draft } = await sample(api, s, { messages: [{ role: 'user', content: { type: 'text', text: 'Hi' } }], maxTokens: 50, stopSequences: ['STOP-HERE'] });
    expect(draft.result).toMatchObject({ stopReason: 'stopSequence', content: { type: 'text', text: 'Keep this ' } });
  });

  it('turns the model’s tool call into a tool_use for the server’s own tool name, checked against its schema', async () => {
    const s = await server();
    s.script([{ type: 'tool-calls', calls: [{ name: 'Everything__get_weather', arguments: '{"city":"Oslo"}' }, { name: 'Everything__get_weather', arguments: '{"town":1}' }, { name: 'rm_rf', arguments: '{}' }] }]);
    const { draft } = await sample(api, s, fullRequest);
    const result = CreateMessageResultWithToolsSchema.parse(draft.result);
    expect(result.stopReason).toBe('toolUse');
    expect(result.content).toEqual([
      { type: 'tool_use', id: 'call_1_0', name: 'get.weather', input: { city: 'Oslo' } },
      { type: 'tool_use', id: 'call_1_1', name: 'get.weather', input: { town: 1 } },
      { type: 'tool_use', id: 'call_1_2', name: 'rm_rf', input: {} },
    ]);
    expect(draft.toolUses.map((use) => [use.name, use.risk, use.problems.length > 0])).toEqual([
      ['get.weather', 'write', false],
      ['get.weather', 'write', true],
      ['rm_rf', 'destructive', true],
    ]);
    expect(draft.toolUses[2]!.problems[0]).toContain('offered no tool named “rm_rf”');
  });

  it('refuses to send tool uses whose ids the model left empty or repeated', async () => {
    const s = await server();
    s.script([{ type: 'tool-calls', calls: [{ name: 'Everything__get_weather', arguments: '{"city":"A"}', id: '' }, { name: 'Everything__get_weather', arguments: '{"city":"B"}', id: 'same' }, { name: 'Everything__get_weather', arguments: '{"city":"C"}', id: 'same' }] }]);
    const { draft } = await sample(api, s, fullRequest);
    expect(draft.toolUses.map((use) => use.problems)).toEqual([['The model gave this tool use no id.'], [], ['The model used the id “same” twice.']]);
  });

  it('passes toolChoice none and required through', async () => {
    const s = await server();
    s.script([{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }]);
    await sample(api, s, { ...fullRequest, toolChoice: { mode: 'none' } });
    await sample(api, s, { ...fullRequest, toolChoice: { mode: 'required' } });
    const bodies = s.requests.filter((r) => r.path === path).map((r) => (r.body as { tool_choice?: unknown }).tool_choice);
    expect(bodies).toEqual(['none', 'required']);
  });
});

describe('sampling request limits', () => {
  it('caps maxTokens and clamps temperature, whatever the server asks', () => {
    const params: CreateMessageRequestParams = { messages: [{ role: 'user', content: { type: 'text', text: 'x' } }], maxTokens: 10_000_000, temperature: 9 };
    const request = toSamplingModelRequest(params, samplingToolNames(params, 'S'), 'S');
    expect(request.maxTokens).toBe(MAX_SAMPLING_TOKENS);
    expect(request.temperature).toBe(2);
  });

  it('passes wav audio to Chat Completions and refuses a format the API does not take', async () => {
    const s = await server();
    s.script([{ type: 'text', text: 'heard' }]);
    const wav: CreateMessageRequestParams = { messages: [{ role: 'user', content: { type: 'audio', data: WAV, mimeType: 'audio/wav' } }], maxTokens: 10 };
    await sample('chat-completions', s, wav);
    expect(s.requests.at(-1)!.rawBody).toContain('"input_audio":{"data":"UklGRg==","format":"wav"}');
    const ogg: CreateMessageRequestParams = { messages: [{ role: 'user', content: { type: 'audio', data: WAV, mimeType: 'audio/ogg' } }], maxTokens: 10 };
    expect(() => toSamplingModelRequest(ogg, samplingToolNames(ogg, 'S'), 'S')).toThrow(/only as wav or mp3, not audio\/ogg/);
    await expect(sample('responses', s, wav)).rejects.toThrow(/Responses API takes no audio/);
  });
});
