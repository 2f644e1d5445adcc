import type { Locator, Page } from 'playwright-core';

/** The Chat screen: conversations, the connector picker, the message list and the composer. */
export class ChatPage {
  constructor(readonly page: Page) {}

  get message(): Locator {
    return this.page.getByRole('textbox', { name: 'Message', exact: true });
  }
  get sendButton(): Locator {
    return this.page.getByRole('button', { name: 'Send', exact: true });
  }
  get stopButton(): Locator {
    return this.page.getByRole('button', { name: 'Stop', exact: true });
  }
  get connectors(): Locator {
    return this.page.getByRole('group', { name: 'Connectors', exact: true });
  }

  /** Starts a new conversation and waits until the composer takes input. */
  async newConversation(): Promise<void> {
    await this.page.getByRole('button', { name: 'New conversation', exact: true }).first().click();
    await this.message.waitFor();
  }

  /** Ticks exactly the named connectors for this conversation. */
  async useConnectors(...names: string[]): Promise<void> {
    const boxes = this.connectors.getByRole('checkbox');
    await boxes.first().waitFor();
    for (const box of await boxes.all()) {
      const name = (await box.getAttribute('aria-label')) ?? (await box.evaluate((input) => (input as HTMLInputElement).labels?.[0]?.textContent ?? ''));
      await box.setChecked(names.includes(name.trim()));
    }
  }

  async send(text: string): Promise<void> {
    await this.message.fill(text);
    await this.sendButton.click();
  }

  /** A tool call's card: an article whose name starts with the tool's name. */
  toolCard(tool: string): Locator {
    return this.page.getByRole('article', { name: new RegExp(`^${escapeRegExp(tool)}\\b`) });
  }

  approvalCard(tool: string): Locator {
    return this.page.getByRole('article', { name: new RegExp(`Approve.*${escapeRegExp(tool)}`) });
  }

  /** Text anywhere in the conversation's messages. */
  answerText(text: string | RegExp): Locator {
    return this.page.getByText(text);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
