import { afterEach, describe, expect, it } from 'vitest';
import type { ModelApi } from '@/lib/contract/model-api';
import { createModelClient } from '@/lib/llm/model-client';
import {
  ModelBadKeyError,
  ModelCancelledError,
  ModelContextTooLongError,
  ModelNetworkError,
  ModelNotFoundError,
  ModelRateLimitedError,
} from '@/lib/llm/model-errors';
import { ModelEventSchema, type ModelEvent, type ModelRequest } from '@/lib/llm/model-events';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';

const KEY = 'sk-test-key';
const servers: ModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function server(): Promise<ModelServer> {
  const started = await startModelServer({ apiKey: KEY, models: ['m1'] });
  servers.push(started);
  return started;
}

const request: ModelRequest = {
  messages: [{ role: 'user', text: 'Hi' }],
  tools: [{ name: 'files__read', description: 'Reads', parameters: { type: 'object', properties: { path: { type: 'string' } } } }],
};

async function collect(api: ModelApi, url: string, signal = new AbortController().signal, apiKey = KEY): Promise<ModelEvent[]> {
  const events: ModelEvent[] = [];
  for await (const event of createModelClient({ apiKey, baseUrl: url, model: 'm1', api }).stream(request, signal)) {
    events.push(ModelEventSchema.parse(event));
  }
  return events;
}

const textOf = (events: ModelEvent[]) => events.flatMap((e) => (e.type === 'text-delta' ? [e.text] : [])).join('');

describe.each<ModelApi>(['chat-completions', 'responses'])('model client over %s', (api) => {
  const path = api === 'chat-completions' ? '/v1/chat/completions' : '/v1/responses';

  it('streams text in several deltas, then usage and a stop', async () => {
    const s = await server();
    s.script([{ type: 'text', text: 'Hello there, streaming world.' }]);
    const events = await collect(api, s.url);
    expect(textOf(events)).toBe('Hello there, streaming world.');
    expect(events.filter((e) => e.type === 'text-delta').length).toBeGreaterThan(3);
    expect(events).toContainEqual({ type: 'usage', inputTokens: 10, outputTokens: 8 });
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
    const body = s.requests.find((r) => r.path === path)!.body as Record<string, unknown>;
    expect(body).toMatchObject({ model: 'm1', stream: true });
    expect(JSON.stringify(body.tools)).toContain('files__read');
  });

  it('joins a tool call streamed in pieces into one event with its raw arguments', async () => {
    const s = await server();
    s.script([{ type: 'tool-calls', calls: [{ name: 'files__read', arguments: '{"path":"/etc/hosts"}' }, { name: 'files__read', arguments: '{"pa' }] }]);
    const events = await collect(api, s.url);
    expect(events.filter((e) => e.type === 'tool-call')).toEqual([
      { type: 'tool-call', callId: 'call_1_0', name: 'files__read', argsText: '{"path":"/etc/hosts"}' },
      { type: 'tool-call', callId: 'call_1_1', name: 'files__read', argsText: '{"pa' },
    ]);
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'tool-calls' });
  });

  it('passes the ids the model sent through unchanged, even repeated or empty (admission judges them)', async () => {
    const s = await server();
    s.script([{ type: 'tool-calls', calls: [{ name: 'files__read', arguments: '{}', id: 'dup' }, { name: 'files__read', arguments: '{}', id: 'dup' }, { name: 'files__read', arguments: '{}', id: '' }] }]);
    const events = await collect(api, s.url);
    expect(events.filter((e) => e.type === 'tool-call').map((e) => (e as { callId: string }).callId)).toEqual(['dup', 'dup', '']);
  });

  it('sends tool results back in the API shape', async () => {
    const s = await server();
    s.script([{ type: 'text', text: 'ok' }]);
    const client = createModelClient({ apiKey: KEY, baseUrl: s.url, model: 'm1', api });
    const messages: ModelRequest['messages'] = [
      { role: 'user', text: 'read it' },
      { role: 'assistant', text: '', toolCalls: [{ callId: 'c1', name: 'files__read', argsText: '{}' }] },
      { role: 'tool', callId: 'c1', text: '{"content":[{"type":"text","text":"RESULT-42"}]}' },
    ];
    for await (const _ of client.stream({ messages, tools: request.tools }, new AbortController().signal)) void _;
    const raw = s.requests.find((r) => r.path === path)!.rawBody;
    expect(raw).toContain('RESULT-42');
    expect(raw).toContain(api === 'chat-completions' ? '"tool_call_id":"c1"' : '"function_call_output"');
  });

  it('names a bad key, a missing model, a rate limit with its wait, and a context overflow', async () => {
    const s = await server();
    await expect(collect(api, s.url, undefined, 'sk-wrong')).rejects.toBeInstanceOf(ModelBadKeyError);
    s.script([
      { type: 'error', status: 404, body: { error: { message: 'The model `m1` does not exist', type: 'invalid_request_error', code: 'model_not_found' } } },
      { type: 'error', status: 429, headers: { 'retry-after': '7' } },
      { type: 'error', status: 429, headers: { 'retry-after-ms': '1500', 'retry-after': '9' } },
      { type: 'error', status: 400, body: { error: { message: 'This model maximum context length is 8192 tokens.', type: 'invalid_request_error', code: 'context_length_exceeded' } } },
    ]);
    await expect(collect(api, s.url)).rejects.toMatchObject({ name: 'ModelNotFoundError', code: 'model-not-found', status: 404 });
    const limited = await collect(api, s.url).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(ModelRateLimitedError);
    expect(limited).toMatchObject({ code: 'rate-limited', retryAfterMs: 7000 });
    await expect(collect(api, s.url)).rejects.toMatchObject({ retryAfterMs: 1500 });
    await expect(collect(api, s.url)).rejects.toBeInstanceOf(ModelContextTooLongError);
    // No silent retries: one request per error.
    expect(s.requests.filter((r) => r.path === path)).toHaveLength(5);
  });

  it('says network-down when nothing listens', async () => {
    const s = await startModelServer();
    await s.close();
    await expect(collect(api, s.url)).rejects.toBeInstanceOf(ModelNetworkError);
  });

  it('stops mid-stream when the signal aborts', async () => {
    const s = await server();
    s.script([{ type: 'text', text: 'x'.repeat(400), delayMsPerChunk: 20 }]);
    const controller = new AbortController();
    const seen: string[] = [];
    const client = createModelClient({ apiKey: KEY, baseUrl: s.url, model: 'm1', api });
    const run = (async () => {
      for await (const event of client.stream(request, controller.signal)) {
        if (event.type === 'text-delta') seen.push(event.text);
        if (seen.length === 2) controller.abort();
      }
    })();
    await expect(run).rejects.toBeInstanceOf(ModelCancelledError);
    expect(seen.join('').length).toBeLessThan(400);
  });
});

describe('ModelNotFoundError', () => {
  it('is a named error class', () => {
    expect(new ModelNotFoundError('x')).toMatchObject({ name: 'ModelNotFoundError', code: 'model-not-found' });
  });
});
