import type { ModelToolSet } from '../llm/model-tools';
import type { ToolNames } from '../messaging/chat-command-protocol';

/**
 * The conversation's tools as the model sees them, and the tool names more than one connector
 * offers. Such tools stay usable (each connector's copy has its own model name); the panel names
 * the collision so the user knows which is which when the model picks one.
 */
export function toolNamesView(set: ModelToolSet): ToolNames {
  const tools = set.tools.map(({ connectorId, tool, modelName }) => ({ connectorId, toolName: tool.name, modelName }));
  const owners = new Map<string, Set<string>>();
  for (const tool of tools) owners.set(tool.toolName, (owners.get(tool.toolName) ?? new Set()).add(tool.connectorId));
  const collisions = [...owners].filter(([, connectors]) => connectors.size > 1).map(([name]) => name);
  return { tools, collisions };
}
