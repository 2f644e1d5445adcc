/** The panel's four screens; their labels are the UI contract's tab names. */
export type PanelTab = 'chat' | 'connectors' | 'log' | 'settings';

export const PANEL_TABS = [
  { id: 'chat', label: 'Chat' },
  { id: 'connectors', label: 'Connectors' },
  { id: 'log', label: 'Log' },
  { id: 'settings', label: 'Settings' },
] as const satisfies readonly { id: PanelTab; label: string }[];
