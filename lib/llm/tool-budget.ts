import { MAX_TOOLS_PER_REQUEST } from '../contract/tool-budget';
import type { ModelToolSet } from './model-tools';
import { SEARCH_TOOLS_TOOL } from './search-tools';

/**
 * The tools one request offers, within `limit`. When every enabled tool fits, that is all of
 * them. When not, the run does not fail: the model gets `search_tools` and the schemas of the
 * tools earlier searches found (`loaded`, newest first), as many as fit beside it. Every tool
 * stays callable by its name (its arguments are still checked against its schema); only what
 * the request carries is cut.
 */
export function budgetToolSet(full: ModelToolSet, limit: number, loaded: readonly string[]): ModelToolSet {
  const cap = Math.max(1, Math.min(Math.floor(limit), MAX_TOOLS_PER_REQUEST));
  if (full.tools.length <= cap) return full;
  const picked = [...new Set(loaded)].map((name) => full.find(name)).filter((tool) => tool !== undefined).slice(0, cap - 1);
  return {
    tools: [SEARCH_TOOLS_TOOL, ...picked],
    names: full.names,
    searchable: full.tools,
    find: (modelName) => (modelName === SEARCH_TOOLS_TOOL.modelName ? SEARCH_TOOLS_TOOL : full.find(modelName)),
  };
}
