import { z } from 'zod';

/** One changed tool: which parts of its definition differ, with before and after. */
export const ToolChangeSchema = z.object({
  name: z.string(),
  fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
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
