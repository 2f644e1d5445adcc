import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkModelEndpoint } from '@/lib/llm/check-model-endpoint';
import type { ProviderSettings } from '@/lib/contract/provider-settings';
import { startModelServer } from '../../fixtures/model-server';

const KEY = 'sk-right-key-1234';
const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function modelServer(models = ['model-b', 'model-a']): Promise<string> {
  const server = await startModelServer({ apiKey: KEY, models });
  closers.push(server.close);
  return server.url;
}

/** A one-handler server for answers the model server never gives (HTML, 500, silence). */
async function tinyServer(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

function settings(baseUrl: string, overrides: Partial<ProviderSettings> = {}): ProviderSettings {
  return { apiKey: KEY, baseUrl, model: '', api: 'chat-completions', toolLimits: {}, omitOrigin: false, ...overrides };
}

describe('checkModelEndpoint against a working endpoint', () => {
  it('returns the models sorted, and whether the chosen model is among them', async () => {
    const url = await modelServer();
    expect(await checkModelEndpoint(settings(url, { model: 'model-a' }))).toEqual({ ok: true, models: ['model-a', 'model-b'], modelFound: true });
    expect(await checkModelEndpoint(settings(url, { model: 'gpt-missing' }))).toEqual({ ok: true, models: ['model-a', 'model-b'], modelFound: false });
    expect(await checkModelEndpoint(settings(url, { model: '' }))).toEqual({ ok: true, models: ['model-a', 'model-b'], modelFound: null });
  });
});

describe('checkModelEndpoint failures', () => {
  it('says bad-key when a key was sent and refused', async () => {
    const result = await checkModelEndpoint(settings(await modelServer(), { apiKey: 'sk-wrong' }));
    expect(result).toMatchObject({ ok: false, code: 'bad-key', status: 401 });
  });

  it('says no-key when the endpoint needs a key and none is set', async () => {
    const result = await checkModelEndpoint(settings(await modelServer(), { apiKey: '' }));
    expect(result).toMatchObject({ ok: false, code: 'no-key', status: 401 });
  });

  it('says forbidden on a 403 that names the key', async () => {
    const url = await tinyServer((_req, res) => res.writeHead(403, { 'content-type': 'application/json' }).end('{"error":{"message":"This key may not list models"}}'));
    expect(await checkModelEndpoint(settings(url))).toMatchObject({ ok: false, code: 'forbidden', status: 403 });
  });

  it('blames the Origin guard, not the key, for a local server’s bare 403', async () => {
    const url = await tinyServer((_req, res) => res.writeHead(403).end());
    const result = await checkModelEndpoint(settings(url));
    expect(result).toMatchObject({ ok: false, code: 'origin-rejected', status: 403 });
    expect(!result.ok && result.message).not.toMatch(/key/i);
  });

  it('says unreachable when nothing listens on the port', async () => {
    const server = await startModelServer();
    await server.close();
    const result = await checkModelEndpoint(settings(server.url));
    expect(result).toMatchObject({ ok: false, code: 'unreachable', status: null });
    expect(result.ok || result.message).toMatch(/ECONNREFUSED/);
  });

  it('says not-openai-compatible when /models does not exist (base URL without /v1)', async () => {
    const url = (await modelServer()).replace(/\/v1$/, '');
    const result = await checkModelEndpoint(settings(url));
    expect(result).toMatchObject({ ok: false, code: 'not-openai-compatible', status: 404 });
    expect(result.ok || result.message).toContain('usually end in /v1');
  });

  it('says not-openai-compatible when the server answers 200 with an HTML page', async () => {
    const url = await tinyServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><h1>Welcome</h1>'));
    const result = await checkModelEndpoint(settings(url));
    expect(result).toMatchObject({ ok: false, code: 'not-openai-compatible', status: 200 });
    expect(result.ok || result.message).toContain('text/html');
  });

  it('says not-openai-compatible when a JSON 200 is not a model list', async () => {
    const url = await tinyServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"models":[{"name":"llama3"}]}'));
    expect(await checkModelEndpoint(settings(url))).toMatchObject({ ok: false, code: 'not-openai-compatible', status: 200 });
  });

  it('says not-openai-compatible when a JSON 200 body is null', async () => {
    const url = await tinyServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('null'));
    expect(await checkModelEndpoint(settings(url))).toMatchObject({ ok: false, code: 'not-openai-compatible', status: 200 });
  });

  it('says not-openai-compatible when the body claims JSON but is not', async () => {
    const url = await tinyServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"data": ['));
    expect(await checkModelEndpoint(settings(url))).toMatchObject({ ok: false, code: 'not-openai-compatible' });
  });

  it('says server-error on a 500, with the server message', async () => {
    const url = await tinyServer((_req, res) =>
      res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"message":"backend exploded"}}'),
    );
    const result = await checkModelEndpoint(settings(url));
    expect(result).toMatchObject({ ok: false, code: 'server-error', status: 500 });
    expect(result.ok || result.message).toContain('backend exploded');
  });

  it('says timeout when the server accepts the request and never answers', async () => {
    let received: () => void = () => undefined;
    const requestArrived = new Promise<void>((resolve) => (received = resolve));
    const url = await tinyServer(() => received());
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const pending = checkModelEndpoint(settings(url));
    await requestArrived;
    await vi.advanceTimersByTimeAsync(15_000);
    const result = await pending;
    expect(result).toMatchObject({ ok: false, code: 'timeout', status: null });
    expect(result.ok || result.message).toContain('within 15 s');
  });
});
