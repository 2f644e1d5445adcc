import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithExtension, type ChromiumWithExtension } from '../harness/chromium';
import { killServiceWorker, pingBackground } from '../harness/service-worker';
import { PanelPage } from '../pages/panel-page';

describe('Settings across a service worker death in Chromium', () => {
  let chromium: ChromiumWithExtension;

  beforeAll(async () => {
    chromium = await launchChromiumWithExtension();
  });
  afterAll(async () => chromium?.close());

  it('keeps saved values, never shows the key back, and the background answers again', async () => {
    const panel = new PanelPage(await chromium.openPanel());
    await panel.waitForBackground();
    const settings = await panel.openSettings();
    const secret = 'sk-e2e-0123456789-very-secret-tail';
    await settings.fill({ apiKey: secret, baseUrl: 'http://127.0.0.1:9/v1', model: 'e2e-model' });
    await settings.save();

    const before = await pingBackground(panel.page);
    expect(before.ok).toBe(true);

    await killServiceWorker(panel.page);
    await panel.reload();

    const after = await pingBackground(panel.page);
    expect(after.ok).toBe(true);
    // A new worker answered: the old one really died.
    expect(after.result!.workerStartedAt).toBeGreaterThan(before.result!.workerStartedAt);

    const reopened = await panel.openSettings();
    expect(await reopened.baseUrl.inputValue()).toBe('http://127.0.0.1:9/v1');
    expect(await reopened.model.inputValue()).toBe('e2e-model');
    expect(await reopened.apiKey.inputValue()).toBe('');
    expect(await reopened.apiKey.getAttribute('placeholder')).toBe('Saved: sk-…tail');
    expect(await panel.page.content()).not.toContain('very-secret');
  });

  it('reconnects an open panel by itself after the worker dies', async () => {
    const panel = new PanelPage(await chromium.openPanel());
    await panel.waitForBackground();
    const before = await pingBackground(panel.page);
    await killServiceWorker(panel.page);
    await panel.backgroundStatus.filter({ hasText: 'Reconnecting' }).waitFor();
    await panel.waitForBackground();
    const after = await pingBackground(panel.page);
    expect(after.result!.workerStartedAt).toBeGreaterThan(before.result!.workerStartedAt);
  });

  it('re-queries what an open screen shows once the panel reconnects, without a reload', async () => {
    const panel = new PanelPage(await chromium.openPanel());
    await panel.waitForBackground();
    const settings = await panel.openSettings();
    await settings.fill({ apiKey: 'sk-e2e-requery-AAAA' });
    await settings.save();
    await expect.poll(() => settings.apiKey.getAttribute('placeholder')).toBe('Saved: sk-…AAAA');

    // Behind the background's back (no settings-changed event): the stored key changes.
    await panel.page.evaluate(async () => {
      const key = 'secrets.modelProvider';
      const stored = (await chrome.storage.local.get(key))[key] as Record<string, unknown>;
      await chrome.storage.local.set({ [key]: { ...stored, apiKey: 'sk-e2e-requery-BBBB' } });
    });
    expect(await settings.apiKey.getAttribute('placeholder')).toBe('Saved: sk-…AAAA');

    await killServiceWorker(panel.page);
    await panel.backgroundStatus.filter({ hasText: 'Reconnecting' }).waitFor();
    await panel.waitForBackground();
    await expect.poll(() => settings.apiKey.getAttribute('placeholder'), { timeout: 10_000 }).toBe('Saved: sk-…BBBB');
  });
});
