import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { ToolFieldChange, ToolListDiff } from '../../contract/tool-diff';
import { canonicalJson, fingerprintedParts } from './tool-fingerprint';

/**
 * Compares two tool lists by name, and each kept tool field by field. `unchanged` may name tools
 * already known to be the same definition (equal fingerprints: the hash of exactly the fields
 * compared here), which skips serialising them again: a refresh mostly lists what it listed before.
 */
export function diffToolLists(before: readonly Tool[], after: readonly Tool[], unchanged: (name: string) => boolean = () => false): ToolListDiff {
  const old = new Map(before.map((tool) => [tool.name, tool]));
  const next = new Map(after.map((tool) => [tool.name, tool]));
  const changed: ToolListDiff['changed'] = [];
  for (const [name, tool] of next) {
    const previous = old.get(name);
    if (!previous || unchanged(name)) continue;
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
