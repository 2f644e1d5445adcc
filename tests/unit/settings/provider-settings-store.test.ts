import { describe, expect, it } from 'vitest';
import { extensionLocalArea } from '@/lib/browser/key-value-area';
import { applyInput, hintForKey, modelOriginRules } from '@/lib/settings/provider-settings';
import { DEFAULT_BASE_URL } from '@/lib/contract/provider-settings';
import { insecureBaseUrlWarning, keyOriginNotice } from '@/lib/contract/provider-settings-origin';
import { ProviderSettingsStore } from '@/lib/settings/provider-settings-store';

describe('ProviderSettingsStore', () => {
  it('starts from the OpenAI defaults', async () => {
    const store = new ProviderSettingsStore(extensionLocalArea());
    expect(await store.read()).toEqual({ apiKey: '', baseUrl: DEFAULT_BASE_URL, model: '', api: 'chat-completions', toolLimits: {}, omitOrigin: false });
  });

  it('keeps the stored key when a save leaves it out, and replaces it when one is typed', async () => {
    const store = new ProviderSettingsStore(extensionLocalArea());
    await store.save({ apiKey: 'sk-first-secret-1111', baseUrl: 'http://127.0.0.1:1234/v1/', model: 'm1' });
    await store.save({ baseUrl: 'http://127.0.0.1:1234/v1', model: 'm2' });
    expect(await store.read()).toEqual({ apiKey: 'sk-first-secret-1111', baseUrl: 'http://127.0.0.1:1234/v1', model: 'm2', api: 'chat-completions', toolLimits: {}, omitOrigin: false });
    await store.save({ apiKey: 'sk-second-secret-2222', baseUrl: 'http://127.0.0.1:1234/v1', model: 'm2' });
    expect((await store.read()).apiKey).toBe('sk-second-secret-2222');
  });

  it('never sends the stored key to another origin: a new base URL elsewhere without a new key drops it', async () => {
    const store = new ProviderSettingsStore(extensionLocalArea());
    await store.save({ apiKey: 'sk-openai-secret-1111', baseUrl: 'https://api.openai.com/v1', model: 'm' });
    // The Test button checks the endpoint with what the form holds: the old key must not go along.
    expect(applyInput(await store.read(), { baseUrl: 'https://evil.example/v1', model: 'm' }).apiKey).toBe('');
    await store.save({ baseUrl: 'https://api.openai.com/v2', model: 'm' });
    expect((await store.read()).apiKey).toBe('sk-openai-secret-1111');
    await store.save({ baseUrl: 'https://evil.example/v1', model: 'm' });
    expect(await store.read()).toMatchObject({ apiKey: '', baseUrl: 'https://evil.example/v1' });
    await store.save({ apiKey: 'sk-evil-2222', baseUrl: 'https://evil.example/v1', model: 'm' });
    expect((await store.read()).apiKey).toBe('sk-evil-2222');
  });

  it('refuses a base URL that is not http(s) and keeps what was stored', async () => {
    const store = new ProviderSettingsStore(extensionLocalArea());
    await store.save({ apiKey: 'k', baseUrl: 'https://example.test/v1', model: 'm' });
    await expect(store.save({ baseUrl: 'javascript:alert(1)', model: 'x' })).rejects.toThrow(/http/);
    await expect(store.save({ baseUrl: 'not a url', model: 'x' })).rejects.toThrow(/http/);
    expect((await store.read()).baseUrl).toBe('https://example.test/v1');
  });

  it('loads settings saved before the API choice existed as Chat Completions, and keeps a chosen API on a save without one', async () => {
    const area = extensionLocalArea();
    await area.set('secrets.modelProvider', { apiKey: 'k', baseUrl: 'https://example.test/v1', model: 'm' });
    const store = new ProviderSettingsStore(area);
    expect(await store.read()).toEqual({ apiKey: 'k', baseUrl: 'https://example.test/v1', model: 'm', api: 'chat-completions', toolLimits: {}, omitOrigin: false });
    await store.save({ baseUrl: 'https://example.test/v1', model: 'm', api: 'responses' });
    await store.save({ baseUrl: 'https://example.test/v1', model: 'm2' });
    expect((await store.read()).api).toBe('responses');
  });

  it('keeps a tool limit per model: set, kept by a save without one, removed by null, refused out of range', async () => {
    const store = new ProviderSettingsStore(extensionLocalArea());
    await store.save({ baseUrl: 'https://example.test/v1', model: 'small', toolLimit: 16 });
    await store.save({ baseUrl: 'https://example.test/v1', model: 'big', toolLimit: 100 });
    await store.save({ baseUrl: 'https://example.test/v1', model: 'small' });
    expect((await store.read()).toolLimits).toEqual({ small: 16, big: 100 });
    await store.save({ baseUrl: 'https://example.test/v1', model: 'big', toolLimit: null });
    expect((await store.read()).toolLimits).toEqual({ small: 16 });
    await expect(store.save({ baseUrl: 'https://example.test/v1', model: 'small', toolLimit: 129 })).rejects.toThrow();
    expect((await store.read()).toolLimits).toEqual({ small: 16 });
  });

  it('falls back to defaults when the stored value is corrupt', async () => {
    const area = extensionLocalArea();
    await area.set('secrets.modelProvider', { apiKey: 42 });
    expect((await new ProviderSettingsStore(area).read()).baseUrl).toBe(DEFAULT_BASE_URL);
  });
});

describe('hintForKey', () => {
  it('never contains more than the last four characters of the key', () => {
    const key = 'sk-proj-abcdefghijklmnopqrstuvwxyz0123';
    expect(hintForKey(key)).toBe('sk-…0123');
  });

  it('shows nothing of a short key', () => {
    expect(hintForKey('abc')).toBe('…');
    expect(hintForKey('')).toBeNull();
  });
});

describe('what Settings says about the base URL', () => {
  it('says the saved key stays behind when the base URL moves to another origin', () => {
    expect(keyOriginNotice({ baseUrl: 'https://api.openai.com/v1', apiKeyHint: 'sk-…1111' }, 'https://evil.example/v1', '')).toMatch(/evil\.example.*api\.openai\.com.*key/);
    expect(keyOriginNotice({ baseUrl: 'https://api.openai.com/v1', apiKeyHint: 'sk-…1111' }, 'https://api.openai.com/v2', '')).toBeNull();
    expect(keyOriginNotice({ baseUrl: 'https://api.openai.com/v1', apiKeyHint: 'sk-…1111' }, 'https://evil.example/v1', 'sk-new')).toBeNull();
    expect(keyOriginNotice({ baseUrl: 'https://api.openai.com/v1', apiKeyHint: null }, 'https://evil.example/v1', '')).toBeNull();
  });

  it('warns about plain http to a host that is not this machine', () => {
    expect(insecureBaseUrlWarning('http://llm.intranet.example:8000/v1')).toMatch(/not encrypted/);
    expect(insecureBaseUrlWarning('http://localhost:11434/v1')).toBeNull();
    expect(insecureBaseUrlWarning('http://127.0.0.1:1234/v1')).toBeNull();
    expect(insecureBaseUrlWarning('https://api.openai.com/v1')).toBeNull();
    expect(insecureBaseUrlWarning('not a url')).toBeNull();
  });

  it('keeps "Send requests without the Origin header" across saves that leave it out, and names the origin for the rule', async () => {
    const store = new ProviderSettingsStore(extensionLocalArea());
    await store.save({ baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2', omitOrigin: true });
    await store.save({ baseUrl: 'http://127.0.0.1:11434/v1', model: 'qwen3' });
    const saved = await store.read();
    expect(saved.omitOrigin).toBe(true);
    expect(modelOriginRules(saved)).toEqual(['http://127.0.0.1:11434']);
    expect(modelOriginRules(await store.save({ baseUrl: 'http://127.0.0.1:11434/v1', model: 'qwen3', omitOrigin: false }))).toEqual([]);
  });
});
