import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { ConnectorRow } from '@/lib/db/rows';

/** What the connector's cached tool list says about one tool: its description and annotations. */
export interface ToolInfo {
  description?: string;
  annotations?: ToolAnnotations;
}

/** Looks the tool up in the connector's last fetched list; unknown fields are simply left out. */
export function toolInfo(connector: Pick<ConnectorRow, 'tools'> | undefined, toolName: string): ToolInfo {
  const tool = connector?.tools.find((entry) => entry.name === toolName);
  if (!tool) return {};
  const annotations = tool.annotations;
  return {
    ...(typeof tool.description === 'string' ? { description: tool.description } : {}),
    ...(annotations && typeof annotations === 'object' ? { annotations: annotations as ToolAnnotations } : {}),
  };
}
