import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { Finding } from '../../contract/report-finding';
import { estimateSchemaTokens } from '../../contract/tool-budget';
import { finding } from './finding';

/** One tool's schema above this many tokens is sent with every request and crowds the context. */
export const HEAVY_TOOL_TOKENS = 1_000;

/** A tool's estimated cost, the same estimate the chat's tool budget shows. */
export function toolTokens(tool: Tool): number {
  return estimateSchemaTokens([tool]);
}

/** A single tool whose schema costs more than `HEAVY_TOOL_TOKENS` (Info: it works, at a price). */
export function checkToolCost(tool: Tool): Finding[] {
  const tokens = toolTokens(tool);
  if (tokens <= HEAVY_TOOL_TOKENS) return [];
  return [finding('info', tool.name, 'tool-schema-heavy', `This tool's definition costs about ${tokens.toLocaleString('en')} tokens, sent with every request that offers it (more than ${HEAVY_TOOL_TOKENS.toLocaleString('en')}).`, 'Shorten the description to what selects the tool, move long examples to a resource or prompt, and drop schema detail the model never needs.')];
}

/**
 * More tools than the model's limit (tools per request): the model then gets `search_tools` and
 * sees only what it found, so some tools are never offered up front. A Warning about the connector.
 */
export function checkConnectorCost(tools: readonly Tool[], limit: number, model: string): Finding[] {
  if (tools.length <= limit) return [];
  const tokens = estimateSchemaTokens(tools);
  const forModel = model === '' ? 'the model' : `the model ${model}`;
  return [finding('warning', null, 'connector-over-tool-limit', `The connector lists ${tools.length} tools (about ${tokens.toLocaleString('en')} schema tokens), more than the ${limit} tools ${forModel} takes per request, so the model must search for them with search_tools.`, `Bring the list under ${limit}: merge near-duplicate tools, split rarely used ones into another server, or let users switch tools off in Patchbay.`)];
}
