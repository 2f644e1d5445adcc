import type { Locator, Page } from 'playwright-core';

/** The Settings screen: model provider fields, Save and Test, and the notice under them. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  get apiKey(): Locator {
    return this.page.getByLabel('API key', { exact: true });
  }
  get baseUrl(): Locator {
    return this.page.getByLabel('Base URL', { exact: true });
  }
  get model(): Locator {
    return this.page.getByLabel('Model', { exact: true });
  }
  get saveButton(): Locator {
    return this.page.getByRole('button', { name: 'Save', exact: true });
  }
  get testButton(): Locator {
    return this.page.getByRole('button', { name: 'Test', exact: true });
  }

  /** The form is filled from the background's answer; until then its fields are disabled. */
  async waitUntilLoaded(): Promise<void> {
    await this.page.locator('input:not([disabled])[type="url"]').waitFor();
  }

  get api(): Locator {
    return this.page.getByLabel('API', { exact: true });
  }

  async fill(values: { apiKey?: string; baseUrl?: string; model?: string; api?: 'Chat Completions' | 'Responses' }): Promise<void> {
    if (values.api !== undefined) await this.api.selectOption({ label: values.api });
    if (values.apiKey !== undefined) await this.apiKey.fill(values.apiKey);
    if (values.baseUrl !== undefined) await this.baseUrl.fill(values.baseUrl);
    if (values.model !== undefined) await this.model.fill(values.model);
  }

  async save(): Promise<void> {
    await this.saveButton.click();
    await this.page.getByRole('status').filter({ hasText: /^Saved/ }).waitFor();
  }

  /** Clicks Test and returns the notice it produced once the check has finished. */
  async test(): Promise<Locator> {
    await this.testButton.click();
    const notice = this.page.locator('.notice').filter({ hasNotText: 'Testing…' }).last();
    await this.page.locator('.notice', { hasText: 'Testing…' }).waitFor({ state: 'detached' });
    return notice;
  }
}
