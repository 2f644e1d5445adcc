import { describe, expect, it } from 'vitest';
import { extensionLocalArea } from '@/lib/browser/key-value-area';
import { DEFAULT_BASE_URL, hintForKey } from '@/lib/settings/provider-settings';
import { ProviderSettingsStore } from '@/lib/settings/provider-settings-store';

describe('ProviderSettingsStore', () => {
  it('starts from the OpenAI defaults', async () => {
    const store = new ProviderSettingsStore(extensionLocalArea());
    expect(await store.read()).toEqual({ apiKey: '', baseUrl: DEFAULT_BASE_URL, model: '', api: 'chat-completions' });
  });

  it('keeps the stored key when a save leaves it out, and replaces it when one is typed', async () => {
    const store = new ProviderSettingsStore(extensionLocalArea());
    await store.save({ apiKey: 'sk-first-secret-1111', baseUrl: 'http://127.0.0.1:1234/v1/', model: 'm1' });
    await store.save({ baseUrl: 'http://127.0.0.1:1234/v1', model: 'm2' });
    expect(await store.read()).toEqual({ apiKey: 'sk-first-secret-1111', baseUrl: 'http://127.0.0.1:1234/v1', model: 'm2', api: 'chat-completions' });
    await store.save({ apiKey: 'sk-second-secret-2222', baseUrl: 'http://127.0.0.1:1234/v1', model: 'm2' });
    expect((await store.read()).apiKey).toBe('sk-second-secret-2222');
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
    expect(await store.read()).toEqual({ apiKey: 'k', baseUrl: 'https://example.test/v1', model: 'm', api: 'chat-completions' });
    await store.save({ baseUrl: 'https://example.test/v1', model: 'm', api: 'responses' });
    await store.save({ baseUrl: 'https://example.test/v1', model: 'm2' });
    expect((await store.read()).api).toBe('responses');
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
