import { describe, expect, it } from 'vitest';
import { LOG_LEVELS } from '@/lib/contract/log-level';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { useEverythingConnector } from '../harness/everything-connector';

describe("a server's logging, in Chromium against server-everything", () => {
  const fixture = useChromiumPanel();
  const everything = useEverythingConnector(fixture, 'toggle-simulated-logging');

  it('sets the log level from the Connectors screen, remembers it, and shows log messages with their level, filterable by level', async () => {
    const { connectors } = everything;
    const page = fixture.panel.page;
    // Log level is one of the card's rarely used controls, behind More.
    await connectors.openMore('Everything');
    const select = connectors.item('Everything').getByRole('combobox', { name: 'Log level' });
    await select.selectOption('debug');
    await expect.poll(() => select.inputValue()).toBe('debug');

    // The server's simulated logging sends one message at once, at a random level.
    const dialog = await connectors.openRunDialog('Everything', 'toggle-simulated-logging');
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    await dialog.getByRole('region', { name: 'Result' }).getByText(/logging/i).first().waitFor({ timeout: 20_000 });
    await dialog.getByRole('button', { name: 'Close' }).click();

    const log = await connectors.openLog('Everything');
    const levelBadge = log.locator('.frame-level').first();
    await levelBadge.waitFor({ timeout: 20_000 });
    const level = (await levelBadge.textContent())!.trim() as (typeof LOG_LEVELS)[number];
    expect(LOG_LEVELS).toContain(level);
    await log.getByText(new RegExp(`${level}-level message|${level} level-message`, 'i')).first().waitFor();
    expect(await connectors.logMethods('Everything')).toEqual(expect.arrayContaining([expect.stringContaining('message')]));
    await expect.poll(async () => (await connectors.methodFilter('Everything').locator('option').allTextContents()).includes('logging/setLevel')).toBe(true);

    // Filtering: the message's own level keeps it; a level above it hides it; only log messages remain.
    const levelFilter = connectors.item('Everything').getByRole('combobox', { name: 'Filter by level' });
    await levelFilter.selectOption(level);
    const onlyLogMessages = async () => {
      const frames = await log.locator('.frames .frame').count();
      return frames > 0 && frames === (await log.locator('.frames .frame-level').count());
    };
    await expect.poll(onlyLogMessages).toBe(true);
    const above = LOG_LEVELS[LOG_LEVELS.indexOf(level) + 1];
    if (above) {
      await levelFilter.selectOption(above);
      await expect.poll(async () => (await log.locator('.frames .frame-level').allTextContents()).every((text) => LOG_LEVELS.indexOf(text.trim() as never) > LOG_LEVELS.indexOf(level))).toBe(true);
    }

    // Remembered for the connector: a reopened panel shows it (connector-hub-tasks.test.ts: sent again on reconnect).
    await fixture.panel.reload();
    const again = await fixture.panel.openConnectors();
    await again.openMore('Everything');
    await expect.poll(() => again.item('Everything').getByRole('combobox', { name: 'Log level' }).inputValue()).toBe('debug');
    await page.getByRole('listitem', { name: 'Everything' }).waitFor();
  });
});
