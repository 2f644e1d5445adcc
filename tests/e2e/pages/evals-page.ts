import type { Locator, Page } from 'playwright-core';
import type { ConnectorsPage } from './connectors-page';

/** A connector's Evals screen (region "Evals"): suites, cases, runs and what-if descriptions. */
export class EvalsPage {
  constructor(readonly page: Page) {}

  /** Presses the connector's Evals button and waits for the region. */
  static async open(connectors: ConnectorsPage, connector: string): Promise<EvalsPage> {
    await connectors.item(connector).getByRole('button', { name: 'Evals', exact: true }).click();
    const evals = new EvalsPage(connectors.page);
    await evals.region.waitFor();
    return evals;
  }

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Evals', exact: true });
  }

  button(name: string): Locator {
    return this.region.getByRole('button', { name, exact: true });
  }

  async addCase(values: { prompt: string; tool: string; args?: object }): Promise<void> {
    await this.button('Add case').click();
    const form = this.region.getByRole('form', { name: 'New case' });
    await form.getByLabel('Prompt', { exact: true }).fill(values.prompt);
    await form.getByLabel('Expected tool', { exact: true }).selectOption(values.tool);
    if (values.args) await form.getByLabel('Expected arguments', { exact: true }).fill(JSON.stringify(values.args));
    await form.getByRole('button', { name: 'Save case' }).click();
    await this.region.getByRole('listitem', { name: values.prompt, exact: true }).waitFor();
  }

  /** The results table's row for a case, found by its prompt. */
  resultRow(prompt: string): Locator {
    return this.region.getByRole('table', { name: 'Eval results' }).getByRole('row').filter({ hasText: prompt });
  }

  /** Each cell's text of a case's row, as read (lines joined by spaces): case, expected · chosen, [compared], pass rate. */
  async resultCells(prompt: string): Promise<string[]> {
    return (await this.resultRow(prompt).getByRole('cell').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  async saveWhatIf(tool: string, text: string): Promise<void> {
    const form = this.region.getByRole('form', { name: 'Override a description' });
    await form.getByLabel('Tool', { exact: true }).selectOption(tool);
    await form.getByLabel('Field', { exact: true }).selectOption({ label: 'Description' });
    await form.getByLabel('What-if text', { exact: true }).fill(text);
    await form.getByRole('button', { name: 'Save what-if' }).click();
    await this.region.getByRole('list', { name: 'Overrides' }).getByRole('listitem', { name: `${tool} description` }).waitFor();
  }
}
