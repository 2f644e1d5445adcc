import { afterEach, describe, expect, it } from 'vitest';
import type { ModelApi } from '@/lib/contract/model-api';
import { createModelClient } from '@/lib/llm/model-client';
import type { ModelRequest } from '@/lib/llm/model-events';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';

const KEY = 'sk-test-key';
const servers: ModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const request: ModelRequest = {
  messages: [{ role: 'user', text: 'What is in the picture?', context: [{ type: 'text', text: '<attached-context name="a.png">…</attached-context>' }, { type: 'image', mimeType: 'image/png', base64: 'iVBORw0KGgo=' }] }],
  tools: [],
};

describe.each<[ModelApi, string]>([
  ['chat-completions', '/v1/chat/completions'],
  ['responses', '/v1/responses'],
])('attached context over %s', (api, path) => {
  it('arrives as separate content parts after the user text, the image as image input', async () => {
    const s = await startModelServer({ apiKey: KEY, models: ['m1'] });
    servers.push(s);
    s.script([{ type: 'text', text: 'ok' }]);
    for await (const _ of createModelClient({ apiKey: KEY, baseUrl: s.url, model: 'm1', api }).stream(request, new AbortController().signal)) void _;
    const body = s.requests.find((r) => r.path === path)!.body as { messages?: unknown[]; input?: unknown[] };
    const [user] = (body.messages ?? body.input)! as { role: string; content: unknown[] }[];
    expect(user!.role).toBe('user');
    if (api === 'chat-completions') {
      expect(user!.content).toEqual([
        { type: 'text', text: 'What is in the picture?' },
        { type: 'text', text: '<attached-context name="a.png">…</attached-context>' },
        { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
      ]);
    } else {
      expect(user!.content).toEqual([
        { type: 'input_text', text: 'What is in the picture?' },
        { type: 'input_text', text: '<attached-context name="a.png">…</attached-context>' },
        { type: 'input_image', image_url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'auto' },
      ]);
    }
  });
});
