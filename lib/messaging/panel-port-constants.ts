/** Each open panel holds one port with this name; the background keeps no other long-lived channel. */
export const PANEL_PORT_NAME = 'patchbay/panel';

/** How often an open panel pings: under Chrome's 30 s idle limit, so a run in progress keeps its worker. */
export const PANEL_PING_INTERVAL_MS = 20_000;
