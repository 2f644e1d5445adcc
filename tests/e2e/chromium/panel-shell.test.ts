import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithExtension, type ChromiumWithExtension } from '../harness/chromium';
import { PanelPage } from '../pages/panel-page';

describe('side panel shell in Chromium', () => {
  let chromium: ChromiumWithExtension;
  let panel: PanelPage;

  beforeAll(async () => {
    chromium = await launchChromiumWithExtension();
    panel = new PanelPage(await chromium.openPanel());
    await panel.waitForBackground();
  });
  afterAll(async () => chromium?.close());

  it('shows the three tabs, Chat first and selected', async () => {
    expect(await panel.tabs.allTextContents()).toEqual(['Chat', 'Connectors', 'Settings']);
    expect(await panel.tab('Chat').getAttribute('aria-selected')).toBe('true');
  });

  it('tells a newcomer what to set up next', async () => {
    await panel.page.getByRole('button', { name: 'Open Settings' }).waitFor();
    await panel.page.getByText('Choose a model').waitFor();
    await panel.page.getByText('Add a connector').waitFor();
  });

  it('moves between tabs with the arrow keys and shows focus', async () => {
    await panel.tab('Chat').focus();
    await panel.page.keyboard.press('ArrowRight');
    expect(await panel.tab('Connectors').getAttribute('aria-selected')).toBe('true');
    const focused = await panel.page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe('Connectors');
    const outline = await panel.tab('Connectors').evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
    await panel.page.keyboard.press('End');
    expect(await panel.tab('Settings').getAttribute('aria-selected')).toBe('true');
    await panel.page.getByLabel('Base URL', { exact: true }).waitFor();
  });

  it('declares the shortcut and the side panel in the manifest', async () => {
    const manifest = await panel.page.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(manifest.commands?._execute_action?.suggested_key).toEqual({ default: 'Alt+Shift+P' });
    expect(manifest.minimum_chrome_version).toBe('116');
  });

  it('opens the side panel from the toolbar button (and so from its shortcut)', async () => {
    const behavior = await panel.page.evaluate(() =>
      (chrome as unknown as { sidePanel: { getPanelBehavior(): Promise<unknown> } }).sidePanel.getPanelBehavior(),
    );
    expect(behavior).toEqual({ openPanelOnActionClick: true });
  });
});
