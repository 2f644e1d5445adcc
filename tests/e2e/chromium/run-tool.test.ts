import { describe, expect, it } from 'vitest';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { useEverythingConnector } from '../harness/everything-connector';
import { killServiceWorker } from '../harness/service-worker';

describe('running a tool by hand, in Chromium', () => {
  const fixture = useChromiumPanel();
  const everything = useEverythingConnector(fixture);

  /** Starts a 30 s, 30-step operation and waits for its first progress report. */
  async function startLongRun() {
    const dialog = await everything.connectors.openRunDialog('Everything', 'trigger-long-running-operation');
    await dialog.getByLabel('duration', { exact: true }).fill('30');
    await dialog.getByLabel('steps', { exact: true }).fill('30');
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    const result = dialog.getByRole('region', { name: 'Result' });
    await result.getByText(/^Progress 1 of 30/).waitFor({ timeout: 10_000 });
    return { dialog, result };
  }

  it('runs echo with a typed parameter and shows the result', async () => {
    const dialog = await everything.connectors.openRunDialog('Everything', 'echo');
    await dialog.getByLabel('message', { exact: true }).fill('hello from the panel');
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    const result = dialog.getByRole('region', { name: 'Result' });
    await result.locator('.result-text').filter({ hasText: 'Echo: hello from the panel' }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('refuses arguments the schema rejects before sending anything', async () => {
    const dialog = await everything.connectors.openRunDialog('Everything', 'get-sum');
    await dialog.getByLabel('a', { exact: true }).fill('1.5');
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    await dialog.getByRole('region', { name: 'Result' }).getByText('The result appears here.').waitFor();
    await dialog.getByText('b is required.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('shows progress from a long-running tool and stops it', async () => {
    const { dialog, result } = await startLongRun();
    await dialog.getByRole('button', { name: 'Stop' }).click();
    await result.getByRole('alert').filter({ hasText: 'Stopped' }).waitFor({ timeout: 10_000 });
    expect(await dialog.getByRole('button', { name: 'Run again' }).isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('marks a run cut off by the worker dying as interrupted, never as lost', async () => {
    const { dialog, result } = await startLongRun();
    await killServiceWorker(fixture.panel.page);
    await result.getByRole('alert').filter({ hasText: 'Interrupted' }).waitFor({ timeout: 10_000 });
    expect(await result.textContent()).toContain('may or may not have run');
  });
});
