import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { severityWord } from '../../../lib/contract/report-finding';
import { buildReportCard } from '../../../lib/workbench/report-card/build-report-card';
import { HOSTILE_TOOL_NAME, POOR_TOOLS, startPoorToolsServer, type PoorToolsServer } from '../../fixtures/mcp-servers/poor-tools-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';

/** What the card must list for the fixture: severity, tool and check of each finding (messages name hashes of the real id). */
const EXPECTED = buildReportCard({ connector: { id: 'any', label: 'Poor', tools: POOR_TOOLS, toolsFetchedAt: 1 }, others: [], model: '', toolLimit: 128 }).findings;

describe('the report card in Chromium', () => {
  const fixture = useChromiumPanel();
  let poor: PoorToolsServer;

  beforeAll(async () => {
    poor = await startPoorToolsServer();
    const connectors = await fixture.panel.openConnectors();
    await connectors.add({ name: 'Poor', url: poor.url });
    await connectors.waitForTool('Poor', 'get_invoice');
  });
  afterAll(async () => poor?.close());

  it('lists every finding of the poor server, severity first and naming the tool, filters, groups and exports them as Markdown', async () => {
    const page = fixture.panel.page;
    await page.setViewportSize({ width: 400, height: 900 });
    await page.getByRole('listitem', { name: 'Poor', exact: true }).getByRole('button', { name: 'Report card', exact: true }).click();
    const region = page.getByRole('region', { name: 'Report card' });
    const findings = region.getByRole('listitem');
    await expect.poll(() => findings.count(), { timeout: 20_000 }).toBe(EXPECTED.length);
    const shown = await findings.evaluateAll((items) => items.map((item) => ({ head: item.querySelector('.finding-head')?.textContent ?? '', check: item.querySelector('.finding-check')?.textContent ?? '', text: item.textContent ?? '' })));
    expect(shown.map((item) => `${item.head}|${item.check}`)).toEqual(EXPECTED.map((f) => `${severityWord(f.severity)} ${f.tool ?? 'Whole connector'}|${f.check}`));
    for (const item of shown) expect(item.text).toMatch(/^(Error|Warning|Info) /);
    await expect(region.getByRole('listitem', { name: 'Error count_widgets' }).first().textContent()).resolves.toContain('inputSchema is not valid JSON Schema');
    await expect(region.getByRole('status', { name: 'Report summary' }).textContent()).resolves.toMatch(new RegExp(`^${EXPECTED.filter((f) => f.severity === 'error').length}Errors?`));

    // The hostile tool's name is text: no element came of it, and the page's title was never set by it.
    await expect(region.getByRole('listitem', { name: `Warning ${HOSTILE_TOOL_NAME}`, exact: true }).first().locator('.finding-tool').textContent()).resolves.toBe(HOSTILE_TOOL_NAME);
    expect(await region.locator('img, script').count()).toBe(0);
    expect(await page.title()).not.toMatch(/^[12]$/);

    // Each tool's cost, behind a disclosure in the summary.
    await region.getByText('Schema tokens per tool').click();
    await expect.poll(() => region.locator('.report-token-list li').count()).toBe(POOR_TOOLS.length);
    await region.getByText('Schema tokens per tool').click();
    await page.screenshot({ path: join(tmpdir(), 'patchbay-report-card-light.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(tmpdir(), 'patchbay-report-card-dark.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });

    // Filter: without Info, no item starts with Info; back with it, all of them again.
    await region.getByRole('checkbox', { name: /^Info/ }).uncheck();
    await expect.poll(() => findings.count()).toBe(EXPECTED.filter((f) => f.severity !== 'info').length);
    expect(await region.getByRole('listitem', { name: /^Info / }).count()).toBe(0);
    await region.getByRole('checkbox', { name: /^Info/ }).check();
    // Grouped by tool: one section per tool with a finding, each holding only that tool's findings.
    await region.getByRole('button', { name: 'By tool', exact: true }).click();
    const widgets = region.getByRole('region', { name: 'count_widgets', exact: true });
    await expect.poll(() => widgets.getByRole('listitem').count()).toBe(EXPECTED.filter((f) => f.tool === 'count_widgets').length);
    await page.screenshot({ path: join(tmpdir(), 'patchbay-report-card-by-tool.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), region.getByRole('button', { name: 'Export Markdown' }).click()]);
    expect(download.suggestedFilename()).toBe('patchbay-report-card-poor.md');
    const markdown = await readFile((await download.path())!, 'utf8');
    expect(markdown).toMatch(/^# Report card · Poor\n/);
    for (const f of EXPECTED) expect(markdown).toContain(`**${severityWord(f.severity)}** (\`${f.check}\`)`);
    expect(markdown).toContain('## count\\_widgets');
    // The hostile name is escaped, so the file renders it as text too: raw only inside code spans.
    expect(markdown.replace(/`[^`\n]*`/g, '')).not.toMatch(/(?<!\\)<(img|script)/);
    expect(markdown).toContain('\\<img src=x onerror="document.title=1"\\>');
  });
});
