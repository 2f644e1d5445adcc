import type { Locator, Page } from 'playwright-core';
import { ChatPage } from './chat-page';
import { ConnectorsPage } from './connectors-page';
import { SettingsPage } from './settings-page';

/** The side panel as a user sees it: four tabs, the selected screen, the status footer. */
export class PanelPage {
  constructor(readonly page: Page) {}

  tab(name: 'Chat' | 'Connectors' | 'Log' | 'Settings'): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  get tabs(): Locator {
    return this.page.getByRole('tab');
  }

  get backgroundStatus(): Locator {
    return this.page.getByRole('status', { name: 'Background status' });
  }

  /** Resolves once the panel's port got a pong from the background. */
  async waitForBackground(): Promise<void> {
    await this.backgroundStatus.filter({ hasText: 'Background connected' }).waitFor();
  }

  async openSettings(): Promise<SettingsPage> {
    await this.tab('Settings').click();
    const settings = new SettingsPage(this.page);
    await settings.waitUntilLoaded();
    return settings;
  }

  async openConnectors(): Promise<ConnectorsPage> {
    await this.tab('Connectors').click();
    return new ConnectorsPage(this.page);
  }

  async openChat(): Promise<ChatPage> {
    await this.tab('Chat').click();
    return new ChatPage(this.page);
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitForBackground();
  }
}
