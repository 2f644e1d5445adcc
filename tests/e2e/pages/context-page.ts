import type { Locator, Page } from 'playwright-core';

/** A connector's Prompts and Resources tabs, and the prompt and resource parts of the chat. */
export class ContextPage {
  constructor(readonly page: Page) {}

  item(connector: string): Locator {
    return this.page.getByRole('listitem', { name: connector, exact: true });
  }

  /** Selects one of the connector's tabs (Tools, Prompts, Resources, Protocol log). */
  async openTab(connector: string, tab: 'Tools' | 'Prompts' | 'Resources' | 'Protocol log'): Promise<void> {
    await this.item(connector).getByRole('tablist', { name: `${connector} view` }).getByRole('tab', { name: tab }).click();
  }

  /** A prompt's, resource's or template's row on the open tab. */
  row(connector: string, name: string): Locator {
    return this.item(connector).getByRole('listitem', { name, exact: true });
  }

  /** Clicks a prompt's Use and returns its dialog (named "Use <prompt>"). */
  async usePrompt(connector: string, prompt: string): Promise<Locator> {
    await this.openTab(connector, 'Prompts');
    await this.row(connector, prompt).getByRole('button', { name: 'Use', exact: true }).click();
    return this.promptDialog(prompt);
  }

  async promptDialog(prompt: string): Promise<Locator> {
    const dialog = this.page.getByRole('dialog', { name: `Use ${prompt}` });
    await dialog.waitFor();
    return dialog;
  }

  /** Types into a field that completes from the server, then picks `option` from its suggestions. */
  async completeField(scope: Locator, label: string, typed: string, option: string): Promise<void> {
    const field = scope.getByLabel(label, { exact: true });
    await field.fill(typed);
    await scope.getByRole('listbox', { name: `Suggestions for ${label}` }).getByRole('option', { name: option, exact: true }).click();
    await expectValue(field, option);
  }

  /** The chip of an attachment in the composer: the `Remove <name>` button sits in it. */
  chip(name: string): Locator {
    return this.page.getByRole('list', { name: 'Attached context' }).getByRole('listitem').filter({ has: this.page.getByRole('button', { name: `Remove ${name}`, exact: true }) });
  }
}

/** Waits until an input holds exactly `value`. */
export async function expectValue(field: Locator, value: string): Promise<void> {
  await field.page().waitForFunction(
    ([element, expected]) => (element as HTMLInputElement | HTMLTextAreaElement).value === expected,
    [await field.elementHandle(), value] as const,
    { timeout: 10_000 },
  );
}
