import { browser } from 'wxt/browser';

interface ChromeSidePanel {
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}
interface FirefoxSidebarAction {
  toggle(): Promise<void>;
}

/** The slice of the browser API that decides how the toolbar button opens the panel. */
export interface PanelOpeningApi {
  sidePanel?: ChromeSidePanel;
  sidebarAction?: FirefoxSidebarAction;
  action: { onClicked: { addListener(listener: () => void): void } };
}

/**
 * Makes the toolbar button (and its keyboard shortcut) open Patchbay's panel: Chrome's side panel
 * opens itself once told to; Firefox's sidebar is toggled from the action's click.
 */
export function configurePanelOpening(api: PanelOpeningApi = browser as unknown as PanelOpeningApi): void {
  if (api.sidePanel) {
    api.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => {
      console.error('Patchbay: could not make the toolbar button open the side panel', error);
    });
    return;
  }
  const sidebar = api.sidebarAction;
  if (sidebar) api.action.onClicked.addListener(() => void sidebar.toggle());
}
