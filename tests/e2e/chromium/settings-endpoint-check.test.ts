import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';
import { launchChromiumWithExtension, type ChromiumWithExtension } from '../harness/chromium';
import { PanelPage } from '../pages/panel-page';
import type { SettingsPage } from '../pages/settings-page';

describe('Settings › Test against a real HTTP endpoint, in Chromium', () => {
  let chromium: ChromiumWithExtension;
  let server: ModelServer;
  let settings: SettingsPage;

  beforeAll(async () => {
    server = await startModelServer({ apiKey: 'sk-right-key-1234', models: ['model-b', 'model-a'] });
    chromium = await launchChromiumWithExtension();
    const panel = new PanelPage(await chromium.openPanel());
    await panel.waitForBackground();
    settings = await panel.openSettings();
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  it('names a rejected key precisely', async () => {
    await settings.fill({ apiKey: 'sk-wrong-key-9999', baseUrl: server.url, model: 'model-a' });
    const notice = await settings.test();
    expect(await notice.textContent()).toContain('API key rejected');
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer sk-wrong-key-9999');
  });

  it('lists the models with the right key, without saving it', async () => {
    await settings.fill({ apiKey: 'sk-right-key-1234' });
    const notice = await settings.test();
    expect(await notice.textContent()).toContain('Connected · 2 models');
    expect(await settings.page.getByRole('list', { name: 'Available models' }).getByRole('listitem').allTextContents()).toEqual([
      'model-a',
      'model-b',
    ]);
  });

  it('warns when the chosen model is not listed', async () => {
    await settings.fill({ model: 'model-z' });
    const notice = await settings.test();
    expect(await notice.textContent()).toContain('does not list “model-z”');
  });

  it('says when the endpoint is unreachable', async () => {
    const dead = await startModelServer();
    const deadUrl = dead.url;
    await dead.close();
    await settings.fill({ baseUrl: deadUrl });
    const notice = await settings.test();
    expect(await notice.textContent()).toContain('Endpoint unreachable');
  });

  it('says when the URL is not an OpenAI-compatible API', async () => {
    await settings.fill({ baseUrl: server.url.replace(/\/v1$/, '') });
    const notice = await settings.test();
    expect(await notice.textContent()).toContain('Not an OpenAI-compatible endpoint');
  });

  it('refuses a URL that is not http(s) before anything is sent', async () => {
    await settings.fill({ baseUrl: 'ftp://example.test/v1' });
    await settings.page.getByText('Enter a full http:// or https:// URL').waitFor();
    expect(await settings.testButton.isDisabled()).toBe(true);
    expect(await settings.saveButton.isDisabled()).toBe(true);
  });

  it('saved nothing: Test checks the form without storing it', async () => {
    const panel = new PanelPage(settings.page);
    await panel.reload();
    settings = await panel.openSettings();
    expect(await settings.baseUrl.inputValue()).toBe('https://api.openai.com/v1');
    expect(await settings.apiKey.getAttribute('placeholder')).toBe('sk-…');
  });
});
