import { IconSchema } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

/**
 * Icons (MCP 2025-11-25) of a connector's server, tools, prompts and resources. The background
 * fetches and checks them; the panel receives only a `data:` URL of checked bytes, so it never
 * loads anything from a remote origin (its CSP forbids that too).
 */
export const iconCommandProtocol = {
  'icons.resolve': {
    request: z.object({ connectorId: z.string(), icons: z.array(IconSchema).max(16), theme: z.enum(['light', 'dark']) }),
    /** The first usable icon for the theme as a `data:` URL, or null with why none could be used. */
    response: z.object({ dataUrl: z.string().startsWith('data:image/').nullable(), problem: z.string().nullable() }),
  },
};
