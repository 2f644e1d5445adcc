import type { ConnectorRow } from '../db/rows';
import type { ToolOverrideRow } from '../contract/tool-override';
import { buildModelTools, type ModelTool, type ModelToolSet } from '../llm/model-tools';
import { withOverrides } from './apply-overrides';

type ConnectorTools = Parameters<typeof buildModelTools>[0][number] & Pick<ConnectorRow, 'id'>;

/**
 * A conversation's tools with the what-if texts in what the model is shown (`definition`) only:
 * each tool keeps the server's own definition, fingerprint and schema for approval cards,
 * argument checks and calls, so an override never reaches the server or changes what a
 * remembered decision is bound to. Names are the same either way (they come from labels and names).
 */
export function modelToolsWithOverrides(connectors: readonly ConnectorTools[], overrides: readonly ToolOverrideRow[]): ModelToolSet {
  const real = buildModelTools(connectors);
  if (overrides.length === 0) return real;
  const shown = new Map(buildModelTools(withOverrides(connectors, overrides)).tools.map((tool) => [tool.modelName, tool.definition]));
  const tools = real.tools.map((tool): ModelTool => ({ ...tool, definition: shown.get(tool.modelName) ?? tool.definition }));
  const byName = new Map(tools.map((tool) => [tool.modelName, tool]));
  return { ...real, tools, find: (modelName) => byName.get(modelName) };
}
