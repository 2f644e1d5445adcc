import { afterEach, describe, expect, it } from 'vitest';
import { checkModelEndpoint } from '@/lib/llm/check-model-endpoint';
import { checkWithOriginProbe, type OriginProbeDeps } from '@/lib/settings/check-with-origin-probe';
import { probeOriginGuard } from '@/lib/llm/origin-guard-probe';
import { createOriginRuleSources } from '@/lib/browser/origin-rule-sources';
import { DEFAULT_PROVIDER_SETTINGS, type ProviderSettings } from '@/lib/contract/provider-settings';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';

let server: ModelServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/**
 * Node's fetch sends no Origin, so the browser's is added here as Chromium does from the worker
 * (on a POST, not on the GET of the model list), and removed exactly where a rule the probe set
 * says so: the same decision the declarativeNetRequest rule makes in the browser.
 */
function browserLikeFetch(omitted: () => readonly string[]): typeof fetch {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers = new Headers(init?.headers);
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    if (method !== 'GET' && !omitted().includes(url.origin)) headers.set('origin', 'chrome-extension://abcdefghijklmnop');
    return fetch(input, { ...init, headers });
  };
}

function depsWith(fetchImpl: typeof fetch, probeOrigins: OriginProbeDeps['probeOrigins']): OriginProbeDeps {
  return { check: (s) => checkModelEndpoint(s, fetchImpl), guard: (s) => probeOriginGuard(s, fetchImpl), probeOrigins };
}

function harness() {
  let omitted: readonly string[] = [];
  const setRules = createOriginRuleSources(async (origins) => {
    omitted = origins;
  });
  const fetchImpl = browserLikeFetch(() => omitted);
  return {
    omitted: () => omitted,
    check: (settings: ProviderSettings) => checkWithOriginProbe(settings, depsWith(fetchImpl, (origins) => setRules('model-probe', origins))),
    setRules,
  };
}

describe('Test against a local server that refuses the extension Origin', () => {
  it('classifies the bare 403, proves it without Origin, and says so; the probe rule is gone after', async () => {
    server = await startModelServer({ refuseOrigin: true, models: ['llama3.2'] });
    const h = harness();
    const result = await h.check({ ...DEFAULT_PROVIDER_SETTINGS, baseUrl: server.url, model: 'llama3.2' });
    expect(result).toEqual({ ok: true, models: ['llama3.2'], modelFound: true, originOmitted: true });
    // The list passes (no Origin on a GET), the empty chat request is refused, then both again without Origin.
    expect(server.requests.map((request) => `${request.method} ${request.path} ${request.headers.origin ?? '-'}`)).toEqual([
      'GET /v1/models -',
      'POST /v1/chat/completions chrome-extension://abcdefghijklmnop',
      'GET /v1/models -',
      'POST /v1/chat/completions -',
    ]);
    expect(h.omitted()).toEqual([]);
    // The empty chat request costs nothing: no scripted turn was played for it.
    expect(server.requests.filter((request) => request.method === 'POST').every((request) => JSON.stringify(request.body) === '{}')).toBe(true);
  });

  it('with the option saved, goes without Origin at once and reports nothing to fix', async () => {
    server = await startModelServer({ refuseOrigin: true });
    const h = harness();
    const result = await h.check({ ...DEFAULT_PROVIDER_SETTINGS, baseUrl: server.url, omitOrigin: true });
    expect(result).toEqual({ ok: true, models: ['scripted-model'], modelFound: null });
    expect(server.requests).toHaveLength(1);
  });

  it('a local server that accepts the Origin is checked once, and its empty chat request answered 400, not blamed', async () => {
    server = await startModelServer();
    const h = harness();
    expect(await h.check({ ...DEFAULT_PROVIDER_SETTINGS, baseUrl: server.url })).toEqual({ ok: true, models: ['scripted-model'], modelFound: null });
    expect(server.requests.map((request) => request.method)).toEqual(['GET', 'POST']);
  });

  it('a hosted provider gets no empty chat request at all', async () => {
    const seen: string[] = [];
    const result = await checkWithOriginProbe({ ...DEFAULT_PROVIDER_SETTINGS, baseUrl: 'https://api.example.com/v1' }, {
      check: async () => ({ ok: true, models: ['m'], modelFound: null }),
      guard: async () => {
        seen.push('guard');
        return { status: 403, errorBody: undefined };
      },
      probeOrigins: async () => undefined,
    });
    expect(result.ok).toBe(true);
    expect(seen).toEqual([]);
  });

  it('a 403 the probe does not cure stays a failure that says what the probe saw', async () => {
    server = await startModelServer({ refuseOrigin: true });
    // A rule that never takes effect: the probe still carries Origin and gets the 403 again.
    const fetchImpl = browserLikeFetch(() => []);
    const result = await checkWithOriginProbe({ ...DEFAULT_PROVIDER_SETTINGS, baseUrl: server.url }, depsWith(fetchImpl, async () => undefined));
    expect(result).toMatchObject({ ok: false, code: 'origin-rejected', status: 403 });
    expect(!result.ok && result.message).toContain('lists its models but refuses chat requests (403)');
    expect(!result.ok && result.message).toContain('Without the Origin header it still failed');
  });

  it('the model rules and the connectors’ rules are written together, neither drops the other', async () => {
    const writes: (readonly string[])[] = [];
    const setRules = createOriginRuleSources(async (origins) => {
      writes.push(origins);
    });
    await setRules('connectors', ['http://127.0.0.1:3001']);
    await setRules('model', ['http://localhost:11434']);
    await setRules('connectors', []);
    expect(writes).toEqual([['http://127.0.0.1:3001'], ['http://127.0.0.1:3001', 'http://localhost:11434'], ['http://localhost:11434']]);
  });
});
