import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { ToolOverrideRow } from '../contract/tool-override';

type WithTools = { id: string; tools: Tool[] };

/**
 * The connectors with their tools as the model would see them under the what-if overrides: a
 * copy (the stored rows and the server are untouched). A parameter override whose property the
 * tool no longer has is left out rather than inventing one.
 */
export function withOverrides<C extends WithTools>(connectors: readonly C[], overrides: readonly ToolOverrideRow[]): C[] {
  if (overrides.length === 0) return [...connectors];
  return connectors.map((connector) => {
    const mine = overrides.filter((override) => override.connectorId === connector.id);
    if (mine.length === 0) return connector;
    return { ...connector, tools: connector.tools.map((tool) => overrideTool(tool, mine.filter((override) => override.toolName === tool.name))) };
  });
}

/** One tool with its overrides applied, copied only where they change it. */
export function overrideTool(tool: Tool, overrides: readonly ToolOverrideRow[]): Tool {
  let result = tool;
  for (const override of overrides) {
    switch (override.field.kind) {
      case 'description':
        result = { ...result, description: override.text };
        break;
      case 'parameter': {
        const properties = result.inputSchema.properties as Record<string, unknown> | undefined;
        const property = properties?.[override.field.name];
        if (!properties || typeof property !== 'object' || property === null) break;
        const replaced = { ...properties, [override.field.name]: { ...(property as Record<string, unknown>), description: override.text } };
        result = { ...result, inputSchema: { ...result.inputSchema, properties: replaced as Tool['inputSchema']['properties'] } };
        break;
      }
    }
  }
  return result;
}

/** The server's current text of the field an override replaces (empty when it has none). */
export function originalText(tool: Tool, field: ToolOverrideRow['field']): string {
  switch (field.kind) {
    case 'description':
      return tool.description ?? '';
    case 'parameter': {
      const property = (tool.inputSchema.properties as Record<string, { description?: unknown }> | undefined)?.[field.name];
      return typeof property?.description === 'string' ? property.description : '';
    }
  }
}
