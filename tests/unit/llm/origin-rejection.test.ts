import { describe, expect, it } from 'vitest';
import { looksLikeOriginRejection } from '@/lib/llm/origin-rejection';
import { isLocalNetworkHost } from '@/lib/contract/local-network-host';

describe('looksLikeOriginRejection', () => {
  const local = 'http://127.0.0.1:11434/v1';

  it('a bare 403 from a local server is the Origin guard', () => {
    expect(looksLikeOriginRejection({ status: 403, baseUrl: local, errorBody: undefined })).toBe(true);
    expect(looksLikeOriginRejection({ status: 403, baseUrl: 'http://localhost:1234/v1', errorBody: '' })).toBe(true);
    expect(looksLikeOriginRejection({ status: 403, baseUrl: 'http://192.168.1.20:8000/v1', errorBody: { message: 'Forbidden' } })).toBe(true);
    expect(looksLikeOriginRejection({ status: 403, baseUrl: 'http://gpu-box.lan:8000/v1', errorBody: null })).toBe(true);
  });

  it('a 403 that names the key, the account or a permission is not', () => {
    expect(looksLikeOriginRejection({ status: 403, baseUrl: local, errorBody: { message: 'Invalid API key', type: 'invalid_request_error', code: 'invalid_api_key' } })).toBe(false);
    expect(looksLikeOriginRejection({ status: 403, baseUrl: local, errorBody: { message: 'You lack permission', code: null } })).toBe(false);
    expect(looksLikeOriginRejection({ status: 403, baseUrl: local, errorBody: 'token expired' })).toBe(false);
  });

  it('a 403 from a hosted provider is never blamed on Origin', () => {
    expect(looksLikeOriginRejection({ status: 403, baseUrl: 'https://api.openai.com/v1', errorBody: undefined })).toBe(false);
    expect(looksLikeOriginRejection({ status: 403, baseUrl: 'https://openrouter.ai/api/v1', errorBody: undefined })).toBe(false);
  });

  it('other statuses and unparsable URLs are not', () => {
    expect(looksLikeOriginRejection({ status: 401, baseUrl: local, errorBody: undefined })).toBe(false);
    expect(looksLikeOriginRejection({ status: null, baseUrl: local, errorBody: undefined })).toBe(false);
    expect(looksLikeOriginRejection({ status: 403, baseUrl: 'not a url', errorBody: undefined })).toBe(false);
  });
});

describe('isLocalNetworkHost', () => {
  it.each(['localhost', '127.0.0.1', '[::1]', '10.0.0.5', '172.16.0.1', '172.31.255.1', '192.168.0.2', '100.64.1.1', 'fd12::1', 'ollama', 'box.local', 'svc.internal', 'nas.home.arpa'])('%s is local', (host) => {
    expect(isLocalNetworkHost(host)).toBe(true);
  });
  it.each(['api.openai.com', '8.8.8.8', '172.32.0.1', '192.169.0.1', '2001:db8::1', 'localhost.example.com'])('%s is not', (host) => {
    expect(isLocalNetworkHost(host)).toBe(false);
  });
});

describe('a 403 during a chat run', () => {
  it('names the Origin guard and where to fix it, not the key', async () => {
    const { default: OpenAI } = await import('openai');
    const { toModelError, ModelError } = await import('@/lib/llm/model-errors');
    const error = toModelError(OpenAI.APIError.generate(403, undefined, undefined, new Headers()));
    expect(error).toBeInstanceOf(ModelError);
    expect((error as Error).message).toMatch(/OLLAMA_ORIGINS.*Settings › Test/);
    expect((error as Error).message).not.toMatch(/API key/);
  });
});
