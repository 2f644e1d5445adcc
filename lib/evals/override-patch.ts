import { overrideFieldLabel, type ToolOverrideRow } from '../contract/tool-override';

/** One proposed change for the server's author: which tool and field, what it says, what it could say. */
export interface OverridePatchEntry {
  tool: string;
  field: string;
  original: string;
  proposed: string;
}

/** The overrides as data for a patch (JSON), in tool order. */
export function overridePatch(overrides: readonly ToolOverrideRow[]): OverridePatchEntry[] {
  return [...overrides]
    .sort((a, b) => a.toolName.localeCompare(b.toolName))
    .map((override) => ({ tool: override.toolName, field: overrideFieldLabel(override.field), original: override.original, proposed: override.text }));
}

/**
 * The overrides as Markdown for the server's author: per field, the original and the proposed
 * text in fences long enough that no text can close them early.
 */
export function overridePatchMarkdown(connectorLabel: string, overrides: readonly ToolOverrideRow[]): string {
  const lines = [`# Proposed tool descriptions for ${oneLine(connectorLabel)}`, '', 'Tried locally in Patchbay as what-if overrides; the server was not changed.', ''];
  for (const entry of overridePatch(overrides)) {
    lines.push(`## \`${oneLine(entry.tool)}\` — ${oneLine(entry.field)}`, '', 'Original:', '', fence(entry.original || '(none)'), '', 'Proposed:', '', fence(entry.proposed), '');
  }
  return lines.join('\n');
}

function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}text\n${text}\n${ticks}`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n`]+/g, ' ').trim();
}
