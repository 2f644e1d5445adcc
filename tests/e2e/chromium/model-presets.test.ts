import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_PRESETS } from '@/lib/contract/model-presets';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { useEverythingConnector } from '../harness/everything-connector';
import { PanelPage } from '../pages/panel-page';

const SHOTS = '/tmp/patchbay-models';

describe('Settings › presets, the tested model list and a local Origin 403, in Chromium', () => {
  const fixture = useChromiumPanel();
  // The chat opens once a connector exists: the last test sends a message through the fixed Origin.
  useEverythingConnector(fixture);
  let server: ModelServer;
  let guarded: ModelServer;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startModelServer({ models: ['model-b', 'model-a'] });
    guarded = await startModelServer({ refuseOrigin: true, models: ['llama3.2'] });
  });
  afterAll(async () => {
    await server?.close();
    await guarded?.close();
  });

  it('each preset fills Base URL, API and Model, and the fields stay editable', async () => {
    const settings = await fixture.panel.openSettings();
    await settings.waitUntilLoaded();
    for (const preset of MODEL_PRESETS) {
      await settings.page.getByLabel('Preset', { exact: true }).selectOption({ label: preset.label });
      await expect.poll(() => settings.baseUrl.inputValue()).toBe(preset.baseUrl);
      expect(await settings.model.inputValue()).toBe(preset.model);
      expect(await settings.api.inputValue()).toBe(preset.api);
      await settings.page.getByText(preset.note, { exact: false }).first().waitFor();
    }
    await settings.fill({ model: 'edited-after-preset' });
    expect(await settings.model.inputValue()).toBe('edited-after-preset');
  });

  it('picking a model from the tested list sets Model and saves it: it is there after a reload', async () => {
    const settings = await fixture.panel.openSettings();
    await settings.fill({ apiKey: '', baseUrl: server.url, model: 'model-z', api: 'Chat Completions' });
    const notice = await settings.test();
    expect(await notice.textContent()).toContain('does not list “model-z”');
    const list = settings.page.getByRole('list', { name: 'Available models' });
    await list.getByRole('button', { name: 'model-a', exact: true }).click();
    await settings.page.getByRole('status').filter({ hasText: 'Saved. Model: model-a.' }).waitFor();
    expect(await settings.model.inputValue()).toBe('model-a');
    expect(await list.getByRole('button', { name: 'model-a', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(await notice.textContent()).not.toContain('does not list');

    await fixture.panel.page.setViewportSize({ width: 400, height: 1500 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await fixture.panel.page.emulateMedia({ colorScheme });
      await fixture.panel.page.screenshot({ path: `${SHOTS}/settings-models-400-${colorScheme}.png`, fullPage: true });
    }
    await fixture.panel.page.emulateMedia({ colorScheme: 'light' });
    await fixture.panel.page.setViewportSize({ width: 400, height: 800 });

    await fixture.panel.reload();
    const reloaded = await new PanelPage(fixture.panel.page).openSettings();
    await reloaded.waitUntilLoaded();
    expect(await reloaded.model.inputValue()).toBe('model-a');
    expect(await reloaded.baseUrl.inputValue()).toBe(server.url);
  });

  it('a local server that refuses the extension Origin: detected, proven, fixed, and kept on save', async () => {
    const settings = await fixture.panel.openSettings();
    await settings.waitUntilLoaded();
    await settings.fill({ baseUrl: guarded.url, model: 'llama3.2' });
    const origin = settings.page.getByRole('checkbox', { name: /Send requests without the Origin header/ });
    expect(await origin.isChecked()).toBe(false);
    const notice = await settings.test();
    const text = await notice.textContent();
    expect(text).toContain('Connected · 1 model');
    expect(text).toContain('answered 403 to a chat request carrying Origin: chrome-extension://');
    expect(text).toContain('Patchbay turned on “Send requests without the Origin header”');
    expect(text).toMatch(/OLLAMA_ORIGINS=chrome-extension:\/\/[a-p]{32}/);
    expect(text).not.toMatch(/API key/);
    await expect.poll(() => origin.isChecked()).toBe(true);
    // Chromium sends no Origin on the model list's GET, so the empty chat POST is what meets the guard.
    expect(guarded.requests.map((request) => `${request.method} ${request.headers.origin?.startsWith('chrome-extension://') ? 'origin' : '-'}`)).toEqual([
      'GET -',
      'POST origin',
      'GET -',
      'POST -',
    ]);

    await fixture.panel.page.setViewportSize({ width: 400, height: 1500 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await fixture.panel.page.emulateMedia({ colorScheme });
      await fixture.panel.page.screenshot({ path: `${SHOTS}/settings-origin-400-${colorScheme}.png`, fullPage: true });
    }
    await fixture.panel.page.emulateMedia({ colorScheme: 'light' });

    await fixture.panel.page.setViewportSize({ width: 400, height: 800 });
    await settings.page.getByRole('list', { name: 'Available models' }).getByRole('button', { name: 'llama3.2' }).click();
    await settings.page.getByRole('status').filter({ hasText: 'Saved. Model: llama3.2.' }).waitFor();
    // Saved: the rule now follows the settings, not the probe, so a fresh Test goes without Origin at once.
    const before = guarded.requests.length;
    const again = await settings.test();
    expect(await again.textContent()).toContain('Connected · 1 model');
    expect(await again.textContent()).not.toContain('answered 403');
    expect(guarded.requests.slice(before).map((request) => request.headers.origin)).toEqual([undefined]);

    // And the chat works: its POST reaches the guarded server without Origin, through the saved rule.
    guarded.script([{ type: 'text', text: 'Hello from behind the Origin guard.' }]);
    const chat = await fixture.panel.openChat();
    await chat.newConversation();
    await chat.send('hi');
    await chat.answerText('Hello from behind the Origin guard.').waitFor();
    const chatRequest = guarded.requests.findLast((request) => request.path === '/v1/chat/completions');
    expect(chatRequest?.headers.origin).toBeUndefined();
    expect(JSON.stringify(chatRequest?.body)).toContain('hi');
  });
});
