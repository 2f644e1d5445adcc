import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { useEverythingConnector } from '../harness/everything-connector';

describe('a tool run by hand, in the audit log, in Chromium', () => {
  const fixture = useChromiumPanel();
  const everything = useEverythingConnector(fixture, 'toggle-simulated-logging');

  async function runByHand(tool: string, fields: Record<string, string>, expected: string | RegExp) {
    const dialog = await everything.connectors.openRunDialog('Everything', tool);
    for (const [name, value] of Object.entries(fields)) await dialog.getByLabel(name, { exact: true }).fill(value);
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    await dialog.getByRole('region', { name: 'Result' }).getByText(expected).first().waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
  }

  it('shows a hand run of a write tool, not of a read-only one, in Settings › Audit log and its export', async () => {
    // get-sum claims readOnlyHint; toggle-simulated-logging says it is not read-only: a write.
    await runByHand('get-sum', { a: '2', b: '3' }, /5/);
    await runByHand('toggle-simulated-logging', {}, /Started simulated/);

    await fixture.panel.openSettings();
    const log = fixture.panel.page.getByRole('region', { name: 'Audit log' });
    const entry = log.getByRole('listitem').filter({ hasText: 'toggle-simulated-logging' });
    await entry.waitFor();
    expect(await entry.textContent()).toMatch(/Run by hand/);
    expect(await entry.textContent()).toMatch(/from the Connectors screen/);
    expect(await entry.textContent()).toMatch(/succeeded/);
    expect(await log.getByRole('listitem').filter({ hasText: 'get-sum' }).count()).toBe(0);

    const [download] = await Promise.all([fixture.panel.page.waitForEvent('download'), log.getByRole('button', { name: 'Export audit' }).click()]);
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as { entries: { kind: string; toolName: string; detail: Record<string, unknown> }[] };
    expect(exported.entries).toEqual([
      expect.objectContaining({ kind: 'hand-run', toolName: 'toggle-simulated-logging', detail: expect.objectContaining({ input: {}, outcome: 'ok', durationMs: expect.any(Number) }) }),
    ]);
  });
});
