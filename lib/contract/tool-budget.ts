import { z } from 'zod';
import { MAX_TOOLS_PER_REQUEST } from './tool-budget-estimate';

export * from './tool-budget-estimate';

/**
 * A per-model cap on the tools in one request, between 2 and 128 (room for `search_tools` and one
 * tool it found). Small local models choke on a
 * long tool list well before the API's limit, so a user can lower it for one model only.
 */
export const ToolLimitSchema = z.number().int().min(2).max(MAX_TOOLS_PER_REQUEST);

/** Limits by model name (checked into `ToolLimits`); a model without one gets `MAX_TOOLS_PER_REQUEST`. */
export const ToolLimitsSchema = z.record(z.string(), ToolLimitSchema);
