import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMisbehavingServer, type MisbehavingServer } from '../../fixtures/mcp-servers/misbehaving-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import type { ConnectorsPage } from '../pages/connectors-page';

describe('a result larger than the panel shows, in Chromium', () => {
  const fixture = useChromiumPanel();
  let server: MisbehavingServer;
  let connectors: ConnectorsPage;

  beforeAll(async () => {
    server = await startMisbehavingServer();
    connectors = await fixture.panel.openConnectors();
    await connectors.add({ name: 'Fixture', url: server.url });
    await connectors.waitForTool('Fixture', 'big_result');
  });
  afterAll(async () => server?.close());

  it('shows a shortened copy with the full size, and downloads every byte', async () => {
    const dialog = await connectors.openRunDialog('Fixture', 'big_result');
    await dialog.getByLabel('megabytes', { exact: true }).fill('3');
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    const result = dialog.getByRole('region', { name: 'Result' });
    await result.getByText('3.0 MB in all; the copy below is shortened.').waitFor({ timeout: 30_000 });
    const shown = (await result.locator('.result-text').textContent()) ?? '';
    expect(shown.length).toBeLessThan(300 * 1024);

    const [download] = await Promise.all([
      fixture.panel.page.waitForEvent('download'),
      result.getByRole('button', { name: 'Download full result (3.0 MB)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('big_result-result.json');
    const saved = JSON.parse(await readFile((await download.path())!, 'utf8')) as { content: { text: string }[] };
    expect(saved.content[0]!.text).toHaveLength(3 * 1024 * 1024);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The protocol log kept a capped copy of the 3 MB answer, and says so with its full size.
    const log = await connectors.openLog('Fixture');
    const answer = log.locator('.frame', { has: fixture.panel.page.locator('.frame-capped') }).first();
    await answer.waitFor({ timeout: 10_000 });
    expect(await answer.locator('.frame-method').textContent()).toBe('tools/call');
    expect(await answer.locator('.frame-size').textContent()).toBe('3.0 MB');
    await answer.getByRole('button').first().click();
    // The detail pane shows the capped copy, and says so with the whole size.
    const details = log.getByRole('region', { name: 'Frame details' });
    const response = details.locator('[data-part="response"]');
    await response.getByText('Capped: this frame was 3.0 MB').waitFor();
    expect(((await response.locator('.frame-json').textContent()) ?? '').length).toBeLessThan(64 * 1024);
  });
});
