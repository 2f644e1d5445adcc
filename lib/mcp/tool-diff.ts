import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { ToolListDiff } from '../contract/tool-diff';
import { canonicalJson, fingerprintedParts } from './tool-fingerprint';

/** Compares two tool lists by name, and each kept tool field by field. */
export function diffToolLists(before: readonly Tool[], after: readonly Tool[]): ToolListDiff {
  const old = new Map(before.map((tool) => [tool.name, tool]));
  const next = new Map(after.map((tool) => [tool.name, tool]));
  const changed: ToolListDiff['changed'] = [];
  for (const [name, tool] of next) {
    const previous = old.get(name);
    if (!previous) continue;
    const a = fingerprintedParts(previous);
    const b = fingerprintedParts(tool);
    const fields = (Object.keys(b) as (keyof typeof b)[])
      .filter((field) => canonicalJson(a[field]) !== canonicalJson(b[field]))
      .map((field) => ({ field, before: a[field], after: b[field] }));
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
