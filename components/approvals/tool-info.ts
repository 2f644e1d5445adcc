import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { ConnectorRow } from '@/lib/db/rows';

/** What the connector's cached tool list says about one tool: its description and annotations. */
export interface ToolInfo {
  description?: string;
  annotations?: ToolAnnotations;
}

/** Looks the tool up in the connector's last fetched list (SDK `Tool`s); absent fields are left out. */
export function toolInfo(connector: Pick<ConnectorRow, 'tools'> | undefined, toolName: string): ToolInfo {
  const tool = connector?.tools.find((entry) => entry.name === toolName);
  if (!tool) return {};
  return {
    ...(tool.description !== undefined ? { description: tool.description } : {}),
    ...(tool.annotations ? { annotations: tool.annotations } : {}),
  };
}
