import type { Locator, Page } from 'playwright-core';

/** What the connector form asks for; `transport` and `auth` are the options' visible labels. */
export interface ConnectorFormValues {
  name: string;
  url: string;
  transport?: 'Auto' | 'Streamable HTTP' | 'SSE (deprecated)';
  auth?: 'None' | 'Bearer token' | 'Custom headers' | 'OAuth';
  token?: string;
  headers?: string;
}

/** The Connectors screen: the add/edit form, and one list item per connector. */
export class ConnectorsPage {
  constructor(readonly page: Page) {}

  /** A connector's list item, found by its name. */
  item(name: string): Locator {
    return this.page.getByRole('listitem', { name, exact: true });
  }

  status(name: string): Locator {
    return this.item(name).locator('.connector-status');
  }

  toolSwitch(connector: string, tool: string): Locator {
    return this.item(connector).getByRole('switch', { name: tool, exact: true });
  }

  async add(values: ConnectorFormValues): Promise<void> {
    await this.page.getByRole('button', { name: 'Add connector' }).first().click();
    await this.fill(values);
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
    await this.item(values.name).waitFor();
  }

  async fill(values: Partial<ConnectorFormValues>): Promise<void> {
    const form = this.page.getByRole('form');
    if (values.name !== undefined) await form.getByLabel('Name', { exact: true }).fill(values.name);
    if (values.url !== undefined) await form.getByLabel('URL', { exact: true }).fill(values.url);
    if (values.transport) await form.getByLabel('Transport', { exact: true }).selectOption({ label: values.transport });
    if (values.auth) await form.getByLabel('Authentication', { exact: true }).selectOption({ label: values.auth });
    if (values.token !== undefined) await form.getByLabel('Token', { exact: true }).fill(values.token);
    if (values.headers !== undefined) await form.getByLabel('Headers', { exact: true }).fill(values.headers);
  }

  /** Waits until the connector's status reads exactly `text` (or starts with it, for errors). */
  async waitForStatus(name: string, text: string | RegExp): Promise<void> {
    try {
      await this.status(name).filter({ hasText: text }).waitFor({ timeout: 20_000 });
    } catch (error) {
      const seen = await this.status(name).textContent({ timeout: 1_000 }).catch(() => '(no status shown)');
      throw new Error(`${name}: waited 20 s for status ${String(text)}, last saw "${seen}"`, { cause: error });
    }
  }

  /** Clicks the tool row's Run and returns the dialog it opens (named "Run <tool>"). */
  async openRunDialog(connector: string, tool: string): Promise<Locator> {
    const row = this.item(connector).getByRole('listitem').filter({ has: this.page.getByRole('switch', { name: tool, exact: true }) });
    await row.getByRole('button', { name: 'Run', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: `Run ${tool}` });
    await dialog.waitFor();
    return dialog;
  }

  /** The empty state's one-click button for the demo server `npm start` runs. */
  get addDemoButton(): Locator {
    return this.page.getByRole('button', { name: 'Add the demo server', exact: true });
  }

  /** A tool's row in a connector's list: the listitem holding the tool's switch. */
  toolRow(connector: string, tool: string): Locator {
    return this.item(connector).getByRole('listitem').filter({ has: this.page.getByRole('switch', { name: tool, exact: true }) });
  }

  /** When the tool list was fetched, as the item's `<time datetime>` says (ms since the epoch). */
  async toolsFetchedAt(connector: string): Promise<number> {
    const iso = await this.item(connector).locator('time').getAttribute('datetime');
    return iso === null ? Number.NaN : Date.parse(iso);
  }

  /** The "what changed in the tools" region, once a refresh has compared two lists. */
  toolChanges(connector: string): Locator {
    return this.item(connector).getByRole('region', { name: 'Tool changes' });
  }

  /** Switches the connector to its protocol log and returns the log's region. */
  async openLog(connector: string): Promise<Locator> {
    await this.item(connector).getByRole('tablist', { name: `${connector} view` }).getByRole('tab', { name: 'Protocol log' }).click();
    const log = this.item(connector).getByRole('region', { name: `${connector} protocol log` });
    await log.waitFor();
    return log;
  }

  /** The log's method filter: a select whose options are the methods in the connector's ring. */
  methodFilter(connector: string): Locator {
    return this.item(connector).getByRole('combobox', { name: 'Filter by method' });
  }

  /** The method column of each frame the log shows, newest first. */
  async logMethods(connector: string): Promise<string[]> {
    return this.item(connector).locator('.frames .frame-method').allTextContents();
  }

  /** The connector's **Filter tools** search box (name, title and description). */
  toolFilter(connector: string): Locator {
    return this.item(connector).getByRole('searchbox', { name: 'Filter tools', exact: true });
  }

  /** The filter's count, "3 of 14". */
  toolCount(connector: string): Locator {
    return this.item(connector).locator('.tool-count');
  }

  /** The card head's fold button (named by the connector, `aria-expanded`). */
  foldToggle(connector: string): Locator {
    return this.item(connector).getByRole('button', { name: connector, exact: true });
  }

  /** Every tool switch of the connector, as `aria-checked` values in list order. */
  async switchStates(connector: string): Promise<string[]> {
    return this.item(connector).getByRole('switch').evaluateAll((switches) => switches.map((node) => node.getAttribute('aria-checked') ?? ''));
  }

  /** Opens the card's **More** (server facts, Log level, Capabilities), if it is not open. */
  async openMore(connector: string): Promise<void> {
    const more = this.item(connector).getByRole('button', { name: 'More', exact: true });
    if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
  }

  async waitForTool(connector: string, tool: string): Promise<void> {
    await this.toolSwitch(connector, tool).waitFor({ timeout: 20_000 });
  }
}
