import { ToolSchema, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { canonicalJson, fingerprintedParts } from './tool-fingerprint';

/** One field of a tool's definition that changed, before and after, in the SDK's shape for that field. */
function fieldChange<F extends keyof typeof ToolSchema.shape, S extends z.ZodType>(field: F, value: S) {
  return z.object({ field: z.literal(field), before: value, after: value });
}

/**
 * A changed field, by name: only the fingerprinted parts of a tool (see `fingerprintedParts`), so a
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

/** Compares two tool lists by name, and each kept tool field by field. */
export function diffToolLists(before: readonly Tool[], after: readonly Tool[]): ToolListDiff {
  const old = new Map(before.map((tool) => [tool.name, tool]));
  const next = new Map(after.map((tool) => [tool.name, tool]));
  const changed: ToolListDiff['changed'] = [];
  for (const [name, tool] of next) {
    const previous = old.get(name);
    if (!previous) continue;
    const fields = changedFields(fingerprintedParts(previous), fingerprintedParts(tool));
    if (fields.length > 0) changed.push({ name, fields });
  }
  return {
    added: [...next.keys()].filter((name) => !old.has(name)),
    removed: [...old.keys()].filter((name) => !next.has(name)),
    changed,
  };
}

/**
 * What changed in one tool between the definition a user read and the current one (compared
 * under the current name); `undefined` when nothing did. What an approval card shows as drift.
 */
export function diffTool(before: Tool, after: Tool): ToolListDiff['changed'][number] | undefined {
  return diffToolLists([{ ...before, name: after.name }], [after]).changed[0];
}

type Parts = ReturnType<typeof fingerprintedParts>;

/** The fingerprinted fields whose canonical JSON differs, each typed by its own name. */
function changedFields(a: Parts, b: Parts): ToolFieldChange[] {
  const pair = <K extends keyof Parts>(field: K) => ({ field, before: a[field], after: b[field] });
  const all = [pair('name'), pair('title'), pair('description'), pair('inputSchema'), pair('outputSchema'), pair('annotations')];
  return all.filter((change) => canonicalJson(change.before) !== canonicalJson(change.after));
}
