import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { Finding } from '../../contract/report-finding';
import { finding, quoted } from './finding';
import { nameWords, READ_VERBS, WRITE_VERBS } from './name-words';

const HINTS = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const;

/** What every approval-related message says, once: the seed's rule, which Patchbay follows too. */
const APPROVAL = 'Without readOnlyHint: true, every call asks the user for approval (Patchbay and ChatGPT treat the tool as a write action)';

/**
 * Annotations are how a client tells a read from a write. None at all, or no `readOnlyHint`, is a
 * Warning; so are hints the name contradicts: `destructiveHint` on a tool named like a read, and
 * `readOnlyHint: true` on one named like a write (it would run without asking).
 */
export function checkAnnotations(tool: Tool): Finding[] {
  const annotations = tool.annotations ?? {};
  const verb = nameWords(tool.name)[0] ?? '';
  const readName = READ_VERBS.has(verb) && !WRITE_VERBS.has(verb);
  const suggested = readName ? '{ "readOnlyHint": true, "openWorldHint": false }' : '{ "readOnlyHint": false, "destructiveHint": false, "idempotentHint": true }';
  if (!HINTS.some((hint) => typeof annotations[hint] === 'boolean')) {
    return [finding('warning', tool.name, 'annotations-missing', `The tool has no annotations. ${APPROVAL}, and the user is not told whether it destroys anything.`, `Add "annotations": ${suggested} (with the values that are true of this tool).`)];
  }
  const found: Finding[] = [];
  if (annotations.readOnlyHint === undefined) {
    found.push(finding('warning', tool.name, 'read-only-hint-missing', `The annotations have no readOnlyHint. ${APPROVAL}.`, `Set "readOnlyHint": ${readName ? 'true if the tool only reads' : 'false if it changes anything, true if it only reads'}.`));
  }
  if (readName && annotations.destructiveHint === true) {
    found.push(finding('warning', tool.name, 'destructive-read', `${quoted(tool.name)} is named like a read, yet says destructiveHint: true: either the name or the hint is wrong, and the user sees a destructive warning on every call.`, `If it only reads, set "readOnlyHint": true and drop destructiveHint; if it destroys data, name it for that (e.g. ${quoted(`delete_${nameWords(tool.name).slice(1).join('_') || 'item'}`)}).`));
  }
  if (WRITE_VERBS.has(verb) && annotations.readOnlyHint === true) {
    found.push(finding('warning', tool.name, 'read-only-write-name', `${quoted(tool.name)} is named like a write, yet says readOnlyHint: true, so clients run it without asking the user.`, 'If it changes anything, set "readOnlyHint": false (and destructiveHint as it is); if it only reads, name it for that (get_, list_, search_).'));
  }
  return found;
}
