import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithExtension, type ChromiumWithExtension } from '../harness/chromium';
import { PanelPage } from '../pages/panel-page';

const KEEP = 'Keep remembered decisions across reloads';
const CROSS = 'Ask when the input came from another connector';

describe('Settings › Approvals in Chromium', () => {
  let chromium: ChromiumWithExtension;

  beforeAll(async () => {
    chromium = await launchChromiumWithExtension();
  });
  afterAll(async () => chromium?.close());

  it('asks on cross-connector input by default; each checkbox is saved on its own and survives a reload', async () => {
    const panel = new PanelPage(await chromium.openPanel());
    await panel.waitForBackground();
    await panel.openSettings();
    const box = (name: string) => panel.page.getByRole('checkbox', { name, exact: true });
    await expect.poll(() => box(CROSS).isEnabled()).toBe(true);
    expect(await box(CROSS).isChecked()).toBe(true);
    expect(await box(KEEP).isChecked()).toBe(false);

    await box(CROSS).uncheck();
    await expect.poll(() => box(KEEP).isEnabled()).toBe(true);
    await box(KEEP).check();
    await expect.poll(() => box(CROSS).isEnabled()).toBe(true);

    await panel.reload();
    await panel.waitForBackground();
    await panel.openSettings();
    await expect.poll(() => box(CROSS).isEnabled()).toBe(true);
    expect(await box(CROSS).isChecked()).toBe(false);
    expect(await box(KEEP).isChecked()).toBe(true);
  });
});
