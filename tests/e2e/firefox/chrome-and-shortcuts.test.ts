import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byRole, FIREFOX_BUILD_DIR, launchFirefoxWithExtension, openPanelInNewPage, type FirefoxWithExtension } from '../harness/firefox';

/** The root's data-theme ("none" when absent) and whether the body is painted dark. */
function paintedTheme(panel: Page): Promise<{ attribute: string; dark: boolean }> {
  return panel.evaluate(() => {
    const [r, g, b] = (getComputedStyle(document.body).backgroundColor.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => Number(c) / 255);
    return { attribute: document.documentElement.dataset.theme ?? 'none', dark: 0.2126 * r! + 0.7152 * g! + 0.0722 * b! < 0.15 };
  });
}

describe('the panel chrome in Firefox: the Theme choice and the shortcuts help', () => {
  let firefox: FirefoxWithExtension | undefined;
  let panel: Page;

  beforeAll(async () => {
    firefox = await launchFirefoxWithExtension(FIREFOX_BUILD_DIR);
    panel = await openPanelInNewPage(firefox);
  });
  afterAll(async () => firefox?.close());

  it('applies Dark at once and keeps it in a reopened panel', async () => {
    await panel.locator(byRole('tab', 'Settings')).click();
    await panel.locator(byRole('radio', 'Dark')).click();
    await panel.waitForFunction(() => document.documentElement.dataset.theme === 'dark', { timeout: 10_000 });
    expect(await paintedTheme(panel)).toEqual({ attribute: 'dark', dark: true });

    const previous = panel;
    panel = await openPanelInNewPage(firefox!);
    await previous.close();
    expect(await paintedTheme(panel)).toEqual({ attribute: 'dark', dark: true });
    await panel.locator(byRole('tab', 'Settings')).click();
    const dark = await panel.waitForSelector(byRole('radio', 'Dark'));
    expect(await dark!.evaluate((input) => (input as HTMLInputElement).checked)).toBe(true);

    await panel.locator(byRole('radio', 'Light')).click();
    await panel.waitForFunction(() => document.documentElement.dataset.theme === 'light', { timeout: 10_000 });
    expect(await paintedTheme(panel)).toEqual({ attribute: 'light', dark: false });
    await panel.locator(byRole('radio', 'System')).click();
    await panel.waitForFunction(() => !document.documentElement.hasAttribute('data-theme'), { timeout: 10_000 });
  });

  it('opens the Keyboard shortcuts dialog with ? when not typing, and closes it with Esc', async () => {
    await panel.locator(byRole('tab', 'Chat')).click();
    await panel.focus('#tab-chat');
    await panel.keyboard.press('?');
    const dialog = await panel.waitForSelector(byRole('dialog', 'Keyboard shortcuts'), { timeout: 10_000 });
    expect(await dialog!.evaluate((element) => (element as HTMLDialogElement).open)).toBe(true);
    expect(await dialog!.evaluate((element) => element.textContent)).toContain('New conversation');
    await panel.keyboard.press('Escape');
    await panel.waitForFunction(() => document.querySelector('dialog[aria-labelledby="shortcuts-title"]') === null, { timeout: 10_000 });
  });
});
