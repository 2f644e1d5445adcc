import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { Finding } from '../../contract/report-finding';
import { finding, quoted } from './finding';
import { GENERIC_WORDS, isVerb, nameWords } from './name-words';

/** What the MCP spec (2025-11-25, "Tool names") allows: 1–128 of A–Z, a–z, 0–9, `_`, `-`, `.`. */
const MCP_TOOL_NAME = /^[A-Za-z0-9_.-]{1,128}$/;

/**
 * The seed's "action-oriented tool names": a name that starts with a verb tells the model what the
 * tool does; one made only of generic words (`data`, `helper`) tells it nothing.
 */
export function checkActionName(tool: Tool): Finding[] {
  const words = nameWords(tool.name);
  if (words.length === 0) return [];
  if (words.every((word) => GENERIC_WORDS.has(word))) {
    return [
      finding('info', tool.name, 'name-generic', `The name ${quoted(tool.name)} is generic: it does not say what the tool acts on or what it does, so the model cannot tell it from similar tools.`, 'Name the action and its object, verb first, e.g. `search_orders` or `get_invoice_pdf`.'),
    ];
  }
  if (isVerb(words[0]!)) return [];
  const verbIndex = words.findIndex(isVerb);
  const suggestion = verbIndex > 0 ? [words[verbIndex]!, ...words.filter((_, index) => index !== verbIndex)].join('_') : `get_${words.join('_')}`;
  return [
    finding('info', tool.name, 'name-not-verb-first', `The name ${quoted(tool.name)} does not start with a verb, so it does not read as an action.`, `Start the name with what the tool does, e.g. ${quoted(suggestion)}.`),
  ];
}

/** The spec's rule for tool names, which clients other than Patchbay may enforce by refusing the tool. */
export function checkSpecName(tool: Tool): Finding[] {
  if (MCP_TOOL_NAME.test(tool.name)) return [];
  const what = tool.name.length === 0 ? 'is empty' : tool.name.length > 128 ? `is ${tool.name.length} characters long (the spec allows 128)` : 'has characters other than A–Z, a–z, 0–9, `_`, `-` and `.`';
  return [
    finding('warning', tool.name, 'name-outside-mcp-spec', `The name ${quoted(tool.name)} ${what}; the MCP spec's tool names are 1–128 of those characters, and other clients may refuse the tool.`, 'Rename the tool to ASCII letters, digits, `_` and `-`, at most 64 characters (what model APIs accept too).'),
  ];
}
