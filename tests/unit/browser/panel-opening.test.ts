import { describe, expect, it, vi } from 'vitest';
import { configurePanelOpening, type PanelOpeningApi } from '@/lib/browser/panel-opening';

function fakeAction() {
  const listeners: (() => void)[] = [];
  return { onClicked: { addListener: (listener: () => void) => void listeners.push(listener) }, click: () => listeners.forEach((l) => l()) };
}

describe('configurePanelOpening', () => {
  it('Chrome: lets the toolbar button open the side panel and adds no click listener', () => {
    const action = fakeAction();
    const setPanelBehavior = vi.fn(async () => undefined);
    const addListener = vi.spyOn(action.onClicked, 'addListener');
    configurePanelOpening({ sidePanel: { setPanelBehavior }, action } satisfies PanelOpeningApi);
    expect(setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: true });
    expect(addListener).not.toHaveBeenCalled();
  });

  it('Firefox: a click on the toolbar button toggles the sidebar', () => {
    const action = fakeAction();
    const toggle = vi.fn(async () => undefined);
    configurePanelOpening({ sidebarAction: { toggle }, action });
    expect(toggle).not.toHaveBeenCalled();
    action.click();
    expect(toggle).toHaveBeenCalledTimes(1);
  });

  it('Chrome: a refused panel behaviour is logged, not thrown out of start-up', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    configurePanelOpening({ sidePanel: { setPanelBehavior: () => Promise.reject(new Error('no')) }, action: fakeAction() });
    await vi.waitFor(() => expect(error).toHaveBeenCalledWith(expect.stringContaining('side panel'), expect.any(Error)));
    error.mockRestore();
  });
});
