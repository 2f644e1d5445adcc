import type { Page } from 'puppeteer-core';
import { byRole } from './firefox';

/** Settings › Model provider filled and saved in the Firefox panel; resolves once it says Saved. */
export async function saveModelSettingsInFirefox(panel: Page, values: { apiKey: string; baseUrl: string; model: string }): Promise<void> {
  await panel.locator(byRole('tab', 'Settings')).click();
  await panel.locator('form[aria-label="Model provider"] input[type="password"]').fill(values.apiKey);
  await panel.locator(byRole('textbox', 'Base URL')).fill(values.baseUrl);
  await panel.locator(byRole('textbox', 'Model')).fill(values.model);
  await panel.locator(byRole('button', 'Save')).click();
  await panel.waitForFunction(() => document.querySelector('form[aria-label="Model provider"] [role="status"]')?.textContent?.startsWith('Saved'), { timeout: 20_000 });
}

/** Adds a connector on the Connectors tab and waits until `tool`'s switch is listed. */
export async function addConnectorInFirefox(panel: Page, name: string, url: string, tool: string): Promise<void> {
  await panel.locator(byRole('tab', 'Connectors')).click();
  await panel.locator(byRole('button', 'Add connector')).click();
  await panel.locator(byRole('textbox', 'Name')).fill(name);
  await panel.locator(byRole('textbox', 'URL')).fill(url);
  await panel.locator(byRole('button', 'Save')).click();
  await panel.waitForSelector(`li[aria-label="${name}"] [role="switch"][aria-label="${tool}"]`, { timeout: 20_000 });
}

/** Clicks a button by its text or accessible name, in a page that may not be the window's current tab. */
export function clickButtonInFirefox(panel: Page, name: string): Promise<void> {
  return panel.evaluate((label) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label || b.getAttribute('aria-label') === label)?.click(), name);
}

/** Types into the Message box the way React sees it, then presses Send once it is enabled. */
export async function sendMessageInFirefox(panel: Page, text: string): Promise<void> {
  await panel.evaluate((value) => {
    const box = document.querySelector('textarea[aria-label="Message"]') as HTMLTextAreaElement;
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(box, value);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await panel.waitForFunction(() => !(document.querySelector('button[type="submit"].btn-primary') as HTMLButtonElement | null)?.disabled, { timeout: 10_000 });
  await clickButtonInFirefox(panel, 'Send');
}
