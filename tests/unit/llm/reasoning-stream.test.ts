import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createModelClient } from '@/lib/llm/model-client';
import type { ModelEvent } from '@/lib/llm/model-events';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** A server that streams the given Chat Completions chunks, as DeepSeek or vLLM would. */
async function chunkServer(chunks: unknown[]): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const chunk of chunks) res.write(`data: ${JSON.stringify(chunk)}\n\n`);
    res.end('data: [DONE]\n\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () => new Promise<void>((resolve) => (server.close(() => resolve()), server.closeAllConnections()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
  id: 'x', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }],
});

describe('reasoning from OpenAI-compatible servers', () => {
  it('turns reasoning_content and reasoning into reasoning deltas, and length into its finish', async () => {
    const url = await chunkServer([
      chunk({ role: 'assistant', reasoning_content: 'Let me think. ' }),
      chunk({ reasoning: 'Done thinking.' }),
      chunk({ content: 'Answer' }),
      chunk({}, 'length'),
    ]);
    const events: ModelEvent[] = [];
    const client = createModelClient({ apiKey: 'k', baseUrl: url, model: 'm' });
    for await (const event of client.stream({ messages: [{ role: 'user', text: 'q' }], tools: [] }, new AbortController().signal)) events.push(event);
    expect(events).toEqual([
      { type: 'reasoning-delta', text: 'Let me think. ' },
      { type: 'reasoning-delta', text: 'Done thinking.' },
      { type: 'text-delta', text: 'Answer' },
      { type: 'finish', reason: 'length' },
    ]);
  });
});
