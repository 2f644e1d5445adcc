import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPolicyServer, type PolicyServer } from '../../fixtures/mcp-servers/policy-server';
import { byRole, FIREFOX_BUILD_DIR, launchFirefoxWithExtension, openPanelInNewPage, type FirefoxWithExtension } from '../harness/firefox';

const ITEM = 'li[aria-label="Notes"]';
const toolSwitch = (tool: string) => `${ITEM} [role="switch"][aria-label="${tool}"]`;

describe('a switched-off tool in Firefox', () => {
  let firefox: FirefoxWithExtension | undefined;
  let server: PolicyServer;
  let panel: Page;

  beforeAll(async () => {
    server = await startPolicyServer();
    firefox = await launchFirefoxWithExtension(FIREFOX_BUILD_DIR);
    panel = await openPanelInNewPage(firefox);
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  const checked = (tool: string) => panel.$eval(toolSwitch(tool), (element) => element.getAttribute('aria-checked'));
  const fetchedAt = () => panel.$eval(`${ITEM} time`, (element) => Date.parse(element.getAttribute('datetime') ?? ''));

  async function openConnectors(): Promise<void> {
    await panel.locator(byRole('tab', 'Connectors')).click();
    await panel.waitForSelector(`${ITEM} .connector-status[data-state="connected"]`, { timeout: 20_000 });
    await panel.waitForSelector(toolSwitch('read_notes'), { timeout: 20_000 });
  }

  /** Presses Refresh tools and waits until the panel shows a list fetched after the click. */
  async function refresh(): Promise<void> {
    const before = await fetchedAt();
    await panel.locator(byRole('button', 'Refresh tools')).click();
    await panel.waitForFunction(
      (selector, before) => Date.parse(document.querySelector(selector)?.getAttribute('datetime') ?? '') > before,
      { timeout: 20_000 },
      `${ITEM} time`,
      before,
    );
    await panel.waitForSelector(`${ITEM} [aria-label="Tool changes"] ::-p-text(No changes.)`);
  }

  it('stays off through Refresh tools, a reopened panel and Refresh tools again', async () => {
    await panel.locator(byRole('tab', 'Connectors')).click();
    await panel.locator(byRole('button', 'Add connector')).click();
    await panel.locator(byRole('textbox', 'Name')).fill('Notes');
    await panel.locator(byRole('textbox', 'URL')).fill(server.url);
    await panel.locator(byRole('button', 'Save')).click();
    await openConnectors();

    await panel.locator(toolSwitch('read_notes')).click();
    await panel.waitForSelector(`${toolSwitch('read_notes')}[aria-checked="false"]`);
    await refresh();
    expect(await checked('read_notes')).toBe('false');
    expect(await checked('write_note')).toBe('true');

    // A new document keeps no state: the switch can only come back from the background's row.
    const previous = panel;
    panel = await openPanelInNewPage(firefox!);
    await previous.close();
    await openConnectors();
    expect(await checked('read_notes')).toBe('false');
    await refresh();
    expect(await checked('read_notes')).toBe('false');
    expect(await checked('write_note')).toBe('true');
  });
});
