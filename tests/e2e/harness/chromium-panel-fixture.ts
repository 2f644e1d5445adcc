import { afterAll, beforeAll } from 'vitest';
import { PanelPage } from '../pages/panel-page';
import { launchChromiumWithExtension, type ChromiumWithExtension } from './chromium';

/** Filled in by `beforeAll`: the browser and a panel already talking to the background. */
export interface ChromiumPanel {
  chromium: ChromiumWithExtension;
  panel: PanelPage;
}

/**
 * One Chromium per test file with the panel open and connected; closed after the file. Read the
 * fields inside tests, not at module level: they exist only once `beforeAll` has run.
 */
export function useChromiumPanel(): ChromiumPanel {
  const fixture = {} as ChromiumPanel;
  beforeAll(async () => {
    fixture.chromium = await launchChromiumWithExtension();
    fixture.panel = new PanelPage(await fixture.chromium.openPanel());
    await fixture.panel.waitForBackground();
  });
  afterAll(async () => fixture.chromium?.close());
  return fixture;
}
