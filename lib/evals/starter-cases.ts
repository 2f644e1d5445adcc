import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { EvalCase } from '../contract/eval-suite';

/** A starter suite stays short: the user edits it, and every case costs N requests. */
const MAX_STARTER_CASES = 10;

/**
 * Starter cases for a connector's tools, one per prompting technique of the seed's "Use
 * connectors in conversations": be explicit (connector and tool named), disallow alternatives,
 * disambiguate similar tools, specify input shape and sequencing, plus one that needs no tool.
 * They are drafts for the user to edit: the task text comes from the tool's own description.
 */
export function starterCases(connectorLabel: string, tools: readonly Tool[], newId: () => string): EvalCase[] {
  const drafts: Omit<EvalCase, 'id'>[] = [];
  const listed = tools.slice(0, 50);
  for (const tool of listed.slice(0, 3)) {
    drafts.push({ prompt: `Use the "${connectorLabel}" connector's "${tool.name}" tool to ${taskOf(tool)}.`, expectedTool: tool.name, otherConnectorIds: [] });
  }
  const alternative = listed[3] ?? listed[0];
  if (alternative) {
    drafts.push({ prompt: `${capitalize(taskOf(alternative))}. Do not use built-in browsing or other tools; only use the ${connectorLabel} connector.`, expectedTool: alternative.name, otherConnectorIds: [] });
  }
  const pair = similarPair(listed);
  if (pair) {
    const [preferred, other] = pair;
    drafts.push({ prompt: `Prefer \`${connectorLabel}.${preferred.name}\` to ${taskOf(preferred)}; do not use \`${connectorLabel}.${other.name}\` for this.`, expectedTool: preferred.name, otherConnectorIds: [] });
  }
  const [first, second] = listed;
  if (first) {
    const input = exampleInput(first);
    const then = second ? ` Then call \`${connectorLabel}.${second.name}\`.` : '';
    drafts.push({
      prompt: `First call \`${connectorLabel}.${first.name}\` with \`${JSON.stringify(input)}\`.${then} Do not call other tools.`,
      expectedTool: first.name,
      ...(Object.keys(input).length > 0 ? { expectedArgs: input } : {}),
      otherConnectorIds: [],
    });
  }
  drafts.push({ prompt: 'What is 12 times 12? Answer from what you know; do not call any tool.', expectedTool: null, otherConnectorIds: [] });
  return drafts.slice(0, MAX_STARTER_CASES).map((draft) => ({ id: newId(), ...draft }));
}

/** "do what the description says", from its first sentence; the tool's name when it has none. */
function taskOf(tool: Tool): string {
  const first = (tool.description ?? '').split(/(?<=[.!?])\s|\n/)[0] ?? '';
  const sentence = first.trim().replace(/[.!?]+$/, '').replace(/^(this tool|this function|a tool that|tool that|tool to)\s+/i, '');
  if (sentence.length === 0 || sentence.length > 160) return `do what ${tool.name} does`;
  const [verb = '', ...rest] = sentence.split(' ');
  return [imperative(verb.charAt(0).toLowerCase() + verb.slice(1)), ...rest].join(' ');
}

/** "creates" → "create", "fetches" → "fetch": descriptions say what a tool does, prompts ask for it. */
function imperative(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word) || ['this', 'uses', 'does'].includes(word)) return word;
  if (/(ch|sh|x|ss|o)es$/.test(word)) return word.slice(0, -2);
  return /[^su]s$/.test(word) ? word.slice(0, -1) : word;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Two tools whose names share a word (`get_user`, `get_users`, `create-event`/`create-task`), if any. */
function similarPair(tools: readonly Tool[]): [Tool, Tool] | null {
  const words = tools.map((tool) => new Set(tool.name.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word.length > 2)));
  for (let a = 0; a < tools.length; a += 1) {
    for (let b = a + 1; b < tools.length; b += 1) {
      if ([...words[a]!].some((word) => words[b]!.has(word))) return [tools[a]!, tools[b]!];
    }
  }
  return null;
}

/** Placeholder values for the required parameters: the first enum value, or a value of the declared type. */
function exampleInput(tool: Tool): Record<string, unknown> {
  const properties = (tool.inputSchema.properties ?? {}) as Record<string, { type?: unknown; enum?: unknown[] }>;
  const required = Array.isArray(tool.inputSchema.required) ? tool.inputSchema.required : [];
  const input: Record<string, unknown> = {};
  for (const name of required.slice(0, 5)) {
    const property = properties[name] ?? {};
    if (Array.isArray(property.enum) && property.enum.length > 0) input[name] = property.enum[0];
    else if (property.type === 'number' || property.type === 'integer') input[name] = 1;
    else if (property.type === 'boolean') input[name] = true;
    else if (property.type === 'string' || property.type === undefined) input[name] = 'example';
  }
  return input;
}
