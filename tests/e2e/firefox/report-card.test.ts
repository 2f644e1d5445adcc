import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { severityWord } from '../../../lib/contract/report-finding';
import { buildReportCard } from '../../../lib/workbench/report-card/build-report-card';
import { HOSTILE_TOOL_NAME, POOR_TOOLS, startPoorToolsServer, type PoorToolsServer } from '../../fixtures/mcp-servers/poor-tools-server';
import { FIREFOX_BUILD_DIR, launchFirefoxWithExtension, openPanelInNewPage, type FirefoxWithExtension } from '../harness/firefox';
import { addConnectorInFirefox, clickButtonInFirefox } from '../harness/firefox-panel-setup';

const EXPECTED = buildReportCard({ connector: { id: 'any', label: 'Poor', tools: POOR_TOOLS, toolsFetchedAt: 1 }, others: [], model: '', toolLimit: 128 }).findings;

describe('the report card in Firefox', () => {
  let firefox: FirefoxWithExtension | undefined;
  let poor: PoorToolsServer;
  let panel: Page;

  beforeAll(async () => {
    poor = await startPoorToolsServer();
    firefox = await launchFirefoxWithExtension(FIREFOX_BUILD_DIR);
    panel = await openPanelInNewPage(firefox);
    await addConnectorInFirefox(panel, 'Poor', poor.url, 'get_invoice');
  }, 120_000);
  afterAll(async () => {
    await firefox?.close();
    await poor?.close();
  });

  it('lists the poor server’s findings, severity first and naming the tool, and exports them as Markdown', async () => {
    await clickButtonInFirefox(panel, 'Report card');
    const shown = () => panel.evaluate(() => [...document.querySelectorAll('section[aria-label="Report card"] li.finding')].map((item) => `${item.querySelector('.finding-head')?.textContent ?? ''}|${item.querySelector('.finding-check')?.textContent ?? ''}`));
    await expect.poll(async () => (await shown()).length, { timeout: 20_000 }).toBe(EXPECTED.length);
    expect(await shown()).toEqual(EXPECTED.map((f) => `${severityWord(f.severity)} ${f.tool ?? 'Whole connector'}|${f.check}`));
    // The hostile tool name is text in the page, not an element.
    const hostile = await panel.evaluate((name) => ({
      asText: [...document.querySelectorAll('.finding-tool')].some((el) => el.textContent === name),
      elements: document.querySelectorAll('section[aria-label="Report card"] img, section[aria-label="Report card"] script').length,
    }), HOSTILE_TOOL_NAME);
    expect(hostile).toEqual({ asText: true, elements: 0 });

    // The download's blob and file name, caught where the page hands them to the browser.
    await panel.evaluate(() => {
      const saved = window as unknown as { __report?: { name: string; text: Promise<string> } };
      const createObjectURL = URL.createObjectURL.bind(URL);
      let last: Blob | null = null;
      URL.createObjectURL = (blob: Blob | MediaSource) => ((last = blob as Blob), createObjectURL(blob));
      HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
        if (last) saved.__report = { name: this.download, text: last.text() };
      };
    });
    await clickButtonInFirefox(panel, 'Export Markdown');
    await panel.waitForFunction(() => (window as unknown as { __report?: unknown }).__report !== undefined, { timeout: 10_000 });
    const report = await panel.evaluate(async () => {
      const saved = (window as unknown as { __report: { name: string; text: Promise<string> } }).__report;
      return { name: saved.name, text: await saved.text };
    });
    expect(report.name).toBe('patchbay-report-card-poor.md');
    expect(report.text).toMatch(/^# Report card · Poor\n/);
    for (const f of EXPECTED) expect(report.text).toContain(`**${severityWord(f.severity)}** (\`${f.check}\`)`);
  });
});
