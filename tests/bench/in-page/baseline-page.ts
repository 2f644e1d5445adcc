/**
 * The bench's baseline page: an extension page of the same browser that does what Patchbay does
 * with none of Patchbay — a bare SDK `Client` over `StreamableHTTPClientTransport`, and a bare
 * reader of the model's stream — plus the seed generator (the page shares the extension's origin,
 * hence its IndexedDB). The bench adds it to a copy of the build; the product never ships it.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
// The MV3 CSP forbids Ajv's `new Function`: the same eval-free validator Patchbay's background uses.
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/cfworker';
import { seedConversations, seedLongConversation } from './seed';

const clients = new Map<string, Client>();

async function connect(key: string, url: string): Promise<void> {
  const client = new Client({ name: 'patchbay-bench-baseline', version: '1.0.0' }, { jsonSchemaValidator: new CfWorkerJsonSchemaValidator() });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  clients.set(key, client);
}

function clientFor(key: string): Client {
  const client = clients.get(key);
  if (!client) throw new Error(`No baseline client ${key}; connect it first.`);
  return client;
}

/** Closes the named clients (their servers are about to stop). */
async function disconnect(keys: string[]): Promise<void> {
  await Promise.all(keys.map((key) => clients.get(key)?.close()));
  keys.forEach((key) => clients.delete(key));
}

/** `n` calls of one tool, one after another; the time of each, as the panel side measures its own. */
async function timeCalls(key: string, name: string, args: Record<string, unknown>, n: number): Promise<number[]> {
  const client = clientFor(key);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await client.callTool({ name, arguments: args });
    times.push(performance.now() - started);
  }
  return times;
}

/** Lists the tools of every named client at once (what a refresh of all connectors asks for). */
async function timeListAll(keys: string[]): Promise<number> {
  const started = performance.now();
  await Promise.all(keys.map((key) => clientFor(key).listTools()));
  return performance.now() - started;
}

/**
 * Streams a chat completion and appends each delta's text to `#stream` as it arrives: the least a
 * page can do to show a streamed answer. The probe (in-page/probes) watches it as it watches the panel.
 */
async function streamAnswer(baseUrl: string, model: string): Promise<void> {
  const target = document.getElementById('stream')!.appendChild(document.createTextNode(''));
  const response = await fetch(`${baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench' },
    body: JSON.stringify({ model, stream: true, messages: [{ role: 'user', content: 'Stream the long answer.' }] }),
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += value;
    const events = buffered.split('\n\n');
    buffered = events.pop() ?? '';
    let text = '';
    for (const event of events) {
      const data = event.replace(/^data: /, '');
      if (data === '[DONE]') continue;
      const chunk = JSON.parse(data) as { choices: { delta?: { content?: string | null } }[] };
      text += chunk.choices[0]?.delta?.content ?? '';
    }
    if (text) target.appendData(text);
  }
}

const baseline = { connect, disconnect, timeCalls, timeListAll, streamAnswer, seedConversations, seedLongConversation };
export type BaselineApi = typeof baseline;

declare global {
  interface Window {
    __patchbayBaseline: BaselineApi;
  }
}
window.__patchbayBaseline = baseline;
document.body.dataset.ready = 'true';
