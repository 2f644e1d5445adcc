import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { CheckId, Finding, FindingSeverity } from '../../contract/report-finding';

/** A check over one tool: every finding it has about that tool, none when the tool passes. */
export type ToolCheck = (tool: Tool) => Finding[];

/** Builds a finding; the one place that spells out its fields, so every check reads the same. */
export function finding(severity: FindingSeverity, tool: string | null, check: CheckId, message: string, fix: string): Finding {
  return { severity, tool, check, message, fix };
}

/**
 * A server's name or value as the text quotes it: in backticks, on one line, cut so a hostile
 * 10 kB name stays a line; a backtick inside becomes `'` so it cannot close the quote.
 */
export function quoted(text: string, max = 80): string {
  const shown = text.length > max ? `${text.slice(0, max)}…` : text;
  return `\`${shown.replace(/`/g, "'").replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')}\``;
}
