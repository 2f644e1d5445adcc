import { ToolSchema } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

/** One field of a tool's definition that changed, before and after, in the SDK's shape for that field. */
function fieldChange<F extends keyof typeof ToolSchema.shape, S extends z.ZodType>(field: F, value: S) {
  return z.object({ field: z.literal(field), before: value, after: value });
}

/**
 * A changed field, by name: only the fingerprinted parts of a tool (see `fingerprintedParts` in lib/mcp), so a
 * card or the Connectors screen can show each one in its own way (text as a word diff, schemas as JSON).
 */
export const ToolFieldChangeSchema = z.discriminatedUnion('field', [
  fieldChange('name', ToolSchema.shape.name),
  fieldChange('title', ToolSchema.shape.title),
  fieldChange('description', ToolSchema.shape.description),
  fieldChange('inputSchema', ToolSchema.shape.inputSchema),
  fieldChange('outputSchema', ToolSchema.shape.outputSchema),
  fieldChange('annotations', ToolSchema.shape.annotations),
]);
export type ToolFieldChange = z.infer<typeof ToolFieldChangeSchema>;

/** One changed tool: which parts of its definition differ, with before and after. */
export const ToolChangeSchema = z.object({
  name: z.string(),
  fields: z.array(ToolFieldChangeSchema),
});

/** What changed between two fetches of a server's tool list. */
export const ToolListDiffSchema = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(ToolChangeSchema),
});
export type ToolListDiff = z.infer<typeof ToolListDiffSchema>;

export function isEmptyDiff(diff: ToolListDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}
