import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { corsHeaders, openAiError, readRequest, sendBody } from '../fixtures/model-server/http-io';

/** Four characters a token, as the scripted model fixture cuts text (tests/fixtures/model-server). */
const TOKEN_CHARS = 4;

/** When one streamed answer's first and last tokens left the server (wall-clock ms). */
export interface StreamTiming {
  firstTokenAt: number;
  lastTokenAt: number;
  tokens: number;
  /** The longest pause between two writes of the server itself: a stall here is not the page's. */
  maxSendGapMs: number;
}

export interface PacedModelServer {
  url: string;
  model: string;
  /** The marker the answer ends with: the probe waits for it in the DOM. */
  marker: string;
  streams: StreamTiming[];
  close(): Promise<void>;
}

const wall = () => performance.timeOrigin + performance.now();

/**
 * Prose with some Markdown, `tokens` tokens long once cut in four-character pieces, ending in `marker`.
 * Paragraphs every few sentences, a list now and then: what a long answer looks like.
 */
export function longAnswer(tokens: number, marker: string): string {
  const sentences = [
    'The connector returned the records in pages of fifty, so the summary below covers every page.',
    'Each **tool call** ran against the local server and came back in a few milliseconds.',
    'Where two results disagree, the newer one wins and the older is kept in the history.',
    'Use `limit` and `cursor` to read further; the server says when there is nothing left.',
  ];
  const end = ` ${marker}`;
  let text = '';
  for (let i = 0; text.length < tokens * TOKEN_CHARS - end.length; i++) {
    text += sentences[i % sentences.length]!;
    text += i % 12 === 11 ? '\n\n- first point of the list\n- second point of the list\n\n' : i % 4 === 3 ? '\n\n' : ' ';
  }
  return text.slice(0, tokens * TOKEN_CHARS - end.length) + end;
}

/**
 * An OpenAI-compatible Chat Completions endpoint that streams one long answer at a steady
 * `tokensPerSecond`, by the clock rather than a fixed pause per chunk (a 1 ms timer is not 1 ms under
 * load): each tick sends every token that is due. The scripted fixture pauses a whole timer per
 * chunk, at least 1 ms plus its lateness, so it cannot hold 1,000 tokens/s; P4 uses this one, built on
 * the fixture's HTTP helpers, and also records when the last token left (the fixture does not).
 */
export async function startPacedModelServer(tokens: number, tokensPerSecond = 1_000): Promise<PacedModelServer> {
  const model = 'bench-model';
  const marker = 'Bench stream complete zq';
  const pieces = longAnswer(tokens, marker).match(new RegExp(`[\\s\\S]{1,${TOKEN_CHARS}}`, 'g'))!;
  const streams: StreamTiming[] = [];

  async function stream(res: ServerResponse, includeUsage: boolean): Promise<void> {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
      `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1_700_000_000, model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`;
    res.write(chunk({ role: 'assistant', content: '' }));
    const timing: StreamTiming = { firstTokenAt: wall(), lastTokenAt: 0, tokens: pieces.length, maxSendGapMs: 0 };
    const started = performance.now();
    let sent = 0;
    let wroteAt = started;
    while (sent < pieces.length && !res.destroyed) {
      const due = Math.min(pieces.length, Math.floor(((performance.now() - started) * tokensPerSecond) / 1000) + 1);
      let burst = '';
      for (; sent < due; sent++) burst += chunk({ content: pieces[sent] });
      if (burst) {
        res.write(burst);
        timing.maxSendGapMs = Math.max(timing.maxSendGapMs, performance.now() - wroteAt);
        wroteAt = performance.now();
      }
      if (sent < pieces.length) await sleep(1);
    }
    timing.lastTokenAt = wall();
    streams.push(timing);
    res.write(chunk({}, 'stop'));
    if (includeUsage) {
      res.write(`data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1_700_000_000, model, choices: [], usage: { prompt_tokens: 10, completion_tokens: pieces.length, total_tokens: pieces.length + 10 } })}\n\n`);
    }
    res.end('data: [DONE]\n\n');
  }

  const server = createServer((req, res) => {
    res.on('error', () => undefined);
    for (const [name, value] of Object.entries(corsHeaders(req))) res.setHeader(name, value);
    void readRequest(req).then(async (request) => {
      if (request.method === 'OPTIONS') return void res.writeHead(204).end();
      if (request.method === 'GET' && request.path === '/v1/models') return sendBody(res, 200, { object: 'list', data: [{ id: model, object: 'model', created: 0, owned_by: 'bench' }] });
      if (request.method !== 'POST' || request.path !== '/v1/chat/completions') return sendBody(res, 404, openAiError('Unknown route', 'invalid_request_error', null));
      const body = request.body as { stream?: boolean; stream_options?: { include_usage?: boolean } } | null;
      if (!body?.stream) return sendBody(res, 400, openAiError('The bench model only streams.', 'invalid_request_error', null));
      await stream(res, body.stream_options?.include_usage === true);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    model,
    marker,
    streams,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
