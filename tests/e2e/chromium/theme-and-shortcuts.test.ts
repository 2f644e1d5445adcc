import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { useEverythingConnector } from '../harness/everything-connector';
import type { ChatPage } from '../pages/chat-page';

const SLOW_ANSWER = { type: 'text' as const, text: 'Counting slowly: ' + Array.from({ length: 150 }, (_, i) => `${i + 1}`).join(' '), delayMsPerChunk: 80 };

/** The body's background, 0 (black) … 1 (white). */
function bodyLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const [r, g, b] = (getComputedStyle(document.body).backgroundColor.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => Number(c) / 255);
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  });
}

/** Which element has focus, by its accessible label. */
function focusedLabel(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);
}

describe('the panel chrome in Chromium: theme choice, shortcuts, the quiet status bar', () => {
  const fixture = useChromiumPanel();
  useEverythingConnector(fixture);
  let model: ModelServer;
  let chat: ChatPage;

  beforeAll(async () => {
    model = await startModelServer({ apiKey: 'sk-chrome', models: ['scripted-model'] });
    const settings = await fixture.panel.openSettings();
    await settings.fill({ apiKey: 'sk-chrome', baseUrl: model.url, model: 'scripted-model' });
    await settings.save();
  });
  afterAll(async () => model?.close());

  it('applies the Theme choice at once, over the system’s, and paints it before the body on reopening', async () => {
    const { page } = fixture.panel;
    await page.emulateMedia({ colorScheme: 'light' });
    await fixture.panel.openSettings();
    const theme = page.getByRole('radiogroup', { name: 'Theme' });
    await theme.getByRole('radio', { name: 'Dark' }).check();
    await expect.poll(() => bodyLuminance(page)).toBeLessThan(0.15);

    // On the next open the stored choice must be on the root before the body exists: no light flash.
    await page.addInitScript(() => {
      const seen = { atBody: 'unset' };
      (window as unknown as { __themeAtBody: typeof seen }).__themeAtBody = seen;
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        seen.atBody = document.documentElement.dataset.theme ?? 'none';
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await fixture.panel.reload();
    expect(await page.evaluate(() => (window as unknown as { __themeAtBody: { atBody: string } }).__themeAtBody.atBody)).toBe('dark');
    expect(await bodyLuminance(page)).toBeLessThan(0.15);
    await fixture.panel.openSettings();
    expect(await theme.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);

    await theme.getByRole('radio', { name: 'Light' }).check();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => bodyLuminance(page)).toBeGreaterThan(0.9);
    await theme.getByRole('radio', { name: 'System' }).check();
    await expect.poll(() => bodyLuminance(page)).toBeLessThan(0.15);
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-theme'))).toBe(false);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('keeps the Background status for assistive technology but out of sight while all is well', async () => {
    const status = fixture.panel.backgroundStatus;
    await expect.poll(() => status.textContent()).toBe('Background connected');
    const box = await fixture.panel.page.locator('footer.statusbar').boundingBox();
    expect(box === null || (box.width <= 1 && box.height <= 1)).toBe(true);
  });

  it('opens the shortcuts help with ? and from the header, and not while typing', async () => {
    const { page } = fixture.panel;
    chat = await fixture.panel.openChat();
    await chat.message.waitFor();
    await page.getByRole('tab', { name: 'Chat' }).focus();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    for (const label of ['New conversation', 'Search conversations', 'Focus the message box', 'Stop the running answer']) await help.getByText(label).waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('tab-chat');

    await chat.message.fill('');
    await chat.message.focus();
    await page.keyboard.type('why?');
    expect(await chat.message.inputValue()).toBe('why?');
    expect(await help.count()).toBe(0);
    await chat.message.fill('');

    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await help.waitFor();
    await help.getByRole('button', { name: 'Close' }).click();
    await help.waitFor({ state: 'detached' });
  });

  it('Alt+N starts a new conversation, / and Alt+M focus the message box, Ctrl+K searches, from any tab', async () => {
    const { page } = fixture.panel;
    model.script([{ type: 'text', text: 'First answer.' }]);
    await chat.send('A first question');
    await chat.answerText('First answer.').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('.chat-title').textContent()).not.toBe('New conversation');

    await fixture.panel.openConnectors();
    await page.keyboard.press('Alt+N');
    await chat.message.waitFor();
    await expect.poll(() => page.locator('.chat-title').textContent()).toBe('New conversation');
    await expect.poll(() => focusedLabel(page)).toBe('Message');

    await page.getByRole('tab', { name: 'Chat' }).focus();
    await page.keyboard.press('/');
    await expect.poll(() => focusedLabel(page)).toBe('Message');
    expect(await chat.message.inputValue()).toBe('');
    await page.getByRole('tab', { name: 'Chat' }).focus();
    await page.keyboard.press('Alt+M');
    await expect.poll(() => focusedLabel(page)).toBe('Message');

    await page.keyboard.press('Control+K');
    await page.getByRole('navigation', { name: 'Conversations' }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Search conversations');
    await page.keyboard.press('Escape');
    await page.getByRole('navigation', { name: 'Conversations' }).waitFor({ state: 'detached' });

    // Ctrl+K right after Alt+M, before the next frame: the message box's second focus (for a chat
    // still being shown) must not take the search box's focus away.
    await page.getByRole('tab', { name: 'Chat' }).focus();
    await page.evaluate(() => {
      const key = (init: KeyboardEventInit) => document.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
      key({ key: 'm', code: 'KeyM', altKey: true });
      key({ key: 'k', code: 'KeyK', ctrlKey: true });
    });
    await page.getByRole('navigation', { name: 'Conversations' }).waitFor();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await focusedLabel(page)).toBe('Search conversations');
    await page.keyboard.press('Escape');
    await page.getByRole('navigation', { name: 'Conversations' }).waitFor({ state: 'detached' });
  });

  it('Esc stops a running answer, keeping what arrived', async () => {
    const { page } = fixture.panel;
    model.script([SLOW_ANSWER]);
    await chat.newConversation();
    await chat.send('Count slowly');
    await chat.answerText(/Counting slowly: 1 2/).waitFor({ timeout: 20_000 });
    await page.getByRole('tab', { name: 'Chat' }).focus();
    await page.keyboard.press('Escape');
    await chat.sendButton.waitFor({ timeout: 10_000 });
    await chat.answerText(/Stopped/).first().waitFor();
    expect(await chat.answerText(/ 150$/).count()).toBe(0);
  });

  it('shows the status bar once the background has not answered for a moment, and hides it when it does', async () => {
    const { page } = fixture.panel;
    const [worker] = fixture.chromium.context.serviceWorkers();
    // The worker's event loop held for a few seconds: the reopened panel's ping waits for its pong.
    void worker!.evaluate(() => {
      const until = Date.now() + 5000;
      while (Date.now() < until);
    }).catch(() => {});
    await page.reload();
    const bar = page.locator('footer.statusbar[data-trouble="true"]');
    await bar.waitFor({ timeout: 10_000 });
    expect(await fixture.panel.backgroundStatus.textContent()).toBe('Starting background…');
    expect((await bar.boundingBox())!.height).toBeGreaterThan(20);
    await fixture.panel.waitForBackground();
    await bar.waitFor({ state: 'detached' });
  });
});
