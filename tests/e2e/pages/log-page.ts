import type { Locator, Page } from 'playwright-core';

/** The Log tab (or a connector's Protocol log tab): filters, search, the virtual list and the detail pane. */
export class LogPage {
  constructor(
    readonly page: Page,
    /** The log's region: `Protocol log` in the Log tab, `<connector> protocol log` in a card. */
    readonly region: Locator,
  ) {}

  static async open(page: Page): Promise<LogPage> {
    await page.getByRole('tab', { name: 'Log', exact: true }).click();
    const region = page.getByRole('region', { name: /protocol log$/i });
    await region.waitFor();
    return new LogPage(page, region);
  }

  get search(): Locator {
    return this.region.getByRole('searchbox', { name: 'Search frames' });
  }

  get followTail(): Locator {
    return this.region.getByRole('button', { name: 'Follow tail' });
  }

  get details(): Locator {
    return this.region.getByRole('region', { name: 'Frame details' });
  }

  /** The rows in the DOM (the virtual list's window, not the whole log). */
  get rows(): Locator {
    return this.region.locator('.frames .frame');
  }

  /** The list's scrolling element (Virtuoso's scroller). */
  get scroller(): Locator {
    return this.region.locator('.frames').first();
  }

  filter(name: 'Filter by method' | 'Filter by level' | 'Filter by kind' | 'Filter by connector'): Locator {
    return this.region.getByRole('combobox', { name });
  }

  /** What the search says it found: "3 frames match", "No frame matches", "Searching…". */
  async searchCount(): Promise<string> {
    return (await this.region.locator('.log-search-count').textContent()) ?? '';
  }

  /** The "N frames shown" line. */
  async summary(): Promise<string> {
    return (await this.region.locator('.log-summary').textContent()) ?? '';
  }

  /** How far from the bottom the list is scrolled, in px (0 at the tail). */
  async distanceFromBottom(): Promise<number> {
    return this.scroller.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
  }

  async scrollTo(fraction: number): Promise<void> {
    await this.scroller.evaluate((el, f) => (el.scrollTop = (el.scrollHeight - el.clientHeight) * f), fraction);
  }

  /** The method column of the rows in the DOM, top to bottom. */
  async methods(): Promise<string[]> {
    return this.rows.locator('.frame-method').allTextContents();
  }
}
