import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { BUILTIN_CONNECTOR_ID, SEARCH_TOOLS_NAME } from '../contract/tool-budget';
import type { ModelToolDefinition } from './model-events';
import type { ModelTool } from './model-tools';

/** The most tools one search returns; the model may ask for fewer. */
export const MAX_SEARCH_RESULTS = 20;
const DEFAULT_SEARCH_RESULTS = 10;
const DESCRIPTION_CHARS = 200;

/** The function the model gets instead of a tool list too long to send. */
export const SEARCH_TOOLS_DEFINITION: ModelToolDefinition = {
  name: SEARCH_TOOLS_NAME,
  description:
    'Searches the tools of the connected MCP servers by name and description. There are more tools than can be listed, ' +
    'so call this first with a few keywords for what you need; the tools it finds can be called in your next step.',
  parameters: {
    type: 'object',
    properties: {
      query: { type: 'string', description: 'Keywords, e.g. "create issue" or "weather forecast".' },
      limit: { type: 'integer', minimum: 1, maximum: MAX_SEARCH_RESULTS, description: `How many tools to return (default ${DEFAULT_SEARCH_RESULTS}).` },
    },
    required: ['query'],
    additionalProperties: false,
  },
};

/** `search_tools` as a tool of the run: Patchbay's own, read-only, never sent to a server. */
export const SEARCH_TOOLS_TOOL: ModelTool = {
  modelName: SEARCH_TOOLS_NAME,
  connectorId: BUILTIN_CONNECTOR_ID,
  connectorLabel: 'Patchbay',
  tool: { name: SEARCH_TOOLS_NAME, description: SEARCH_TOOLS_DEFINITION.description, inputSchema: SEARCH_TOOLS_DEFINITION.parameters as Tool['inputSchema'], annotations: { readOnlyHint: true } },
  readOnly: true,
  fingerprint: undefined,
  definition: SEARCH_TOOLS_DEFINITION,
};

/** One tool a search found, as the model reads it: the name to call it by, and what it does. */
export interface FoundTool {
  name: string;
  connector: string;
  description: string;
}

/**
 * Ranks tools by how many of the query's words their name and description hold (a word in the
 * name counts three times), best first; ties keep the catalog order. Tools matching no word are
 * left out, so a search for nothing relevant says so instead of loading arbitrary schemas.
 */
export function searchTools(tools: readonly ModelTool[], query: string, limit = DEFAULT_SEARCH_RESULTS): FoundTool[] {
  const terms = [...new Set(words(query))];
  if (terms.length === 0) return [];
  const scored = tools.map((tool, index) => ({ tool, index, score: score(tool, terms) })).filter((entry) => entry.score > 0);
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.slice(0, Math.min(Math.max(1, Math.floor(limit)), MAX_SEARCH_RESULTS)).map(({ tool }) => ({
    name: tool.modelName,
    connector: tool.connectorLabel,
    description: (tool.tool.description ?? tool.tool.title ?? '').slice(0, DESCRIPTION_CHARS),
  }));
}

function score(tool: ModelTool, terms: readonly string[]): number {
  const name = new Set(words(`${tool.tool.name} ${tool.tool.title ?? ''}`));
  const text = ` ${words(`${tool.tool.description ?? ''} ${tool.connectorLabel}`).join(' ')} `;
  let total = 0;
  for (const term of terms) {
    if (name.has(term)) total += 3;
    else if ([...name].some((word) => word.startsWith(term))) total += 2;
    if (text.includes(` ${term}`)) total += 1;
  }
  return total;
}

/** Lower-case words, with `snake_case`, `kebab-case` and `camelCase` split apart. */
function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1);
}
