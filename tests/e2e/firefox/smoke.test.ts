import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byRole, FIREFOX_BUILD_DIR, launchFirefoxWithExtension, openPanelInNewPage, type FirefoxWithExtension } from '../harness/firefox';

describe('Firefox build', () => {
  let firefox: FirefoxWithExtension | undefined;
  /** The open side panel page; replaced when a test reopens the panel. */
  let panel: Page;

  beforeAll(async () => {
    firefox = await launchFirefoxWithExtension(FIREFOX_BUILD_DIR);
    panel = await openPanelInNewPage(firefox);
  });

  afterAll(async () => {
    await firefox?.close();
  });

  it('renders the Chat, Connectors and Settings tabs', async () => {
    for (const name of ['Chat', 'Connectors', 'Settings']) {
      expect(await panel.$(byRole('tab', name)), `tab ${name}`).not.toBeNull();
    }
  });

  it('connects to the background (a port ping answered by a pong)', async () => {
    const status = await panel.waitForSelector(byRole('status', 'Background status'));
    expect(await waitForText(panel, status!, 'Background connected')).toBe('Background connected');
  });

  it('sends commands on the runtime port: the event page has no direct channel, and nothing waits for one', async () => {
    const registered = await panel.evaluate(async () => {
      const counts = { channel: 0 };
      const post = MessagePort.prototype.postMessage;
      MessagePort.prototype.postMessage = function (this: MessagePort, message: unknown, ...rest: never[]) {
        if ((message as { type?: unknown } | null)?.type === 'command') counts.channel += 1;
        return post.call(this, message, ...rest);
      } as typeof post;
      (globalThis as unknown as { __channelCommands: typeof counts }).__channelCommands = counts;
      return (await navigator.serviceWorker?.getRegistration()) !== undefined;
    });
    expect(registered).toBe(false);
    // Settings reads the stored settings by command; it answers, and not over a MessagePort.
    await panel.locator(byRole('tab', 'Settings')).click();
    const model = (await panel.waitForSelector(byRole('textbox', 'Model'))) as ElementHandle<HTMLInputElement>;
    await panel.waitForFunction((input) => !input.disabled, {}, model);
    expect(await panel.evaluate(() => (globalThis as unknown as { __channelCommands: { channel: number } }).__channelCommands.channel)).toBe(0);
    await panel.locator(byRole('tab', 'Chat')).click();
  });

  it('saves settings through the background and reads them back in a reopened panel', async () => {
    await panel.locator(byRole('tab', 'Settings')).click();
    // Locators wait for the fields to be enabled: they are once settings.get has answered.
    await panel.locator(byRole('textbox', 'Base URL')).fill('http://127.0.0.1:9/v1');
    await panel.locator(byRole('textbox', 'Model')).fill('firefox-smoke-model');
    await panel.locator(byRole('button', 'Save')).click();
    const form = await panel.waitForSelector('form[aria-label="Model provider"]');
    // The first outcome notice: "Saved.", or the error the panel shows instead.
    expect(await waitForText(panel, form!, null, '[role="status"], [role="alert"]')).toBe('Saved.');

    // A new document keeps no form state: the values can only come back from the background.
    // (A new page rather than a reload: see openExtensionPage.)
    const previous = panel;
    panel = await openPanelInNewPage(firefox!);
    await previous.close();
    await panel.locator(byRole('tab', 'Settings')).click();
    const model = (await panel.waitForSelector(byRole('textbox', 'Model'))) as ElementHandle<HTMLInputElement>;
    const baseUrl = (await panel.waitForSelector(byRole('textbox', 'Base URL'))) as ElementHandle<HTMLInputElement>;
    await panel.waitForFunction((input) => !input.disabled, {}, model);
    expect(await model.evaluate((input) => input.value)).toBe('firefox-smoke-model');
    expect(await baseUrl.evaluate((input) => input.value)).toBe('http://127.0.0.1:9/v1');
  });
});

/**
 * Waits until the text of `root`, or of its first descendant matching `selector`, is non-empty
 * and, if `expected` is given, equal to it; returns the text. A timeout names the last text seen.
 */
async function waitForText(page: Page, root: ElementHandle<Element>, expected: string | null, selector?: string): Promise<string> {
  const read = () => root.evaluate((element, selector) => (selector ? element.querySelector(selector) : element)?.textContent?.trim() ?? '', selector);
  try {
    await page.waitForFunction(
      (element, selector, expected) => {
        const text = (selector ? element.querySelector(selector) : element)?.textContent?.trim() ?? '';
        return text !== '' && (expected === null || text === expected);
      },
      { timeout: 20_000 },
      root,
      selector,
      expected,
    );
  } catch (error) {
    throw new Error(`Timed out waiting for ${expected === null ? 'text' : JSON.stringify(expected)}; last seen: ${JSON.stringify(await read())}`, { cause: error });
  }
  return read();
}
