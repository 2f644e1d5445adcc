/** Each open panel holds one port with this name (in Chrome, also a direct channel for its commands: `acceptChannel`). */
export const PANEL_PORT_NAME = 'patchbay/panel';

/** How often an open panel pings: under Chrome's 30 s idle limit, so a run in progress keeps its worker. */
export const PANEL_PING_INTERVAL_MS = 20_000;
