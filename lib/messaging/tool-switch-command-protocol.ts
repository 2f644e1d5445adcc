import { z } from 'zod';

/** A server lists at most this many tools we take in one bulk switch; more is not a real catalog. */
export const MAX_BULK_TOOLS = 10_000;

/**
 * Enable all / Disable all of a connector's (filtered) tools in one command and one write, not N:
 * a catalog of hundreds would otherwise be hundreds of round trips and live-query renders.
 * Names the connector does not list are ignored by the background.
 */
export const toolSwitchCommandProtocol = {
  'connectors.setToolsEnabled': {
    request: z.object({ id: z.string(), toolNames: z.array(z.string().max(512)).max(MAX_BULK_TOOLS), enabled: z.boolean() }),
    /** How many of the named tools the connector lists, and so were switched. */
    response: z.object({ switched: z.number().int().nonnegative() }),
  },
};
