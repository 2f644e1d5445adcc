import { z } from 'zod';
import { SavedCallNameSchema } from '../contract/saved-call';

/**
 * Saved calls: a hand run kept by name, renamed or deleted. The background is the only writer of
 * the `savedCalls` table; the Run dialog lists a tool's saved calls with a live query.
 */
export const savedCallCommandProtocol = {
  /** Keeps `args` under `name` for the connector's tool; refused when the tool is not offered. */
  'savedCalls.save': {
    request: z.object({ connectorId: z.string(), toolName: z.string(), name: SavedCallNameSchema, args: z.record(z.string(), z.unknown()) }),
    response: z.object({ id: z.string() }),
  },
  'savedCalls.rename': { request: z.object({ id: z.string(), name: SavedCallNameSchema }), response: z.object({}) },
  'savedCalls.delete': { request: z.object({ id: z.string() }), response: z.object({}) },
} satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;
