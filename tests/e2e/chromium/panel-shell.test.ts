import { describe, expect, it } from 'vitest';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { openRealSidePanel, panelTargetCount } from '../harness/side-panel';

describe('side panel shell in Chromium', () => {
  const fixture = useChromiumPanel();

  it('shows the four tabs, Chat first and selected', async () => {
    expect(await fixture.panel.tabs.allTextContents()).toEqual(['Chat', 'Connectors', 'Log', 'Settings']);
    expect(await fixture.panel.tab('Chat').getAttribute('aria-selected')).toBe('true');
  });

  it('tells a newcomer what to set up next', async () => {
    await fixture.panel.page.getByRole('button', { name: 'Open Settings' }).waitFor();
    await fixture.panel.page.getByText('Choose a model').waitFor();
    await fixture.panel.page.getByText('Add a connector').waitFor();
  });

  it('moves between tabs with the arrow keys and shows focus', async () => {
    await fixture.panel.tab('Chat').focus();
    await fixture.panel.page.keyboard.press('ArrowRight');
    expect(await fixture.panel.tab('Connectors').getAttribute('aria-selected')).toBe('true');
    const focused = await fixture.panel.page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe('Connectors');
    const outline = await fixture.panel.tab('Connectors').evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
    await fixture.panel.page.keyboard.press('End');
    expect(await fixture.panel.tab('Settings').getAttribute('aria-selected')).toBe('true');
    await fixture.panel.page.getByLabel('Base URL', { exact: true }).waitFor();
  });

  it('declares the shortcut and the side panel in the manifest', async () => {
    const manifest = await fixture.panel.page.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(manifest.commands?._execute_action?.suggested_key).toEqual({ default: 'Alt+Shift+P' });
    expect(manifest.minimum_chrome_version).toBe('116');
  });

  it('opens the side panel from the toolbar button (and so from its shortcut)', async () => {
    const behavior = await fixture.panel.page.evaluate(() =>
      (chrome as unknown as { sidePanel: { getPanelBehavior(): Promise<unknown> } }).sidePanel.getPanelBehavior(),
    );
    expect(behavior).toEqual({ openPanelOnActionClick: true });
  });

  it('opens in Chrome\'s real side panel beside a web page, not only as a tab', async () => {
    const { chromium, panel } = fixture;
    const web = await chromium.context.newPage();
    await web.goto('data:text/html,<title>Any page</title><h1>Any page</h1>');
    const tabsShowingPanel = chromium.context.pages().filter((p) => p.url() === chromium.extensionUrl('sidepanel.html')).length;
    expect(await panelTargetCount(panel.page, chromium.extensionUrl)).toBe(tabsShowingPanel);
    await openRealSidePanel(chromium.context, chromium.extensionUrl, web);
    await expect.poll(() => panelTargetCount(panel.page, chromium.extensionUrl)).toBe(tabsShowingPanel + 1);
    await web.close();
  });
});
