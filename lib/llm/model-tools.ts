import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { ConnectorRow } from '../db/rows';
import type { ModelToolDefinition } from './model-events';
import { mapToolNames, type ToolNameMap } from './tool-names';

/** A connector's tool offered to the model, with what the engine needs to run it. */
export interface ModelTool {
  modelName: string;
  connectorId: string;
  connectorLabel: string;
  tool: Tool;
  /** The server's claim that the tool only reads: it runs without asking. */
  readOnly: boolean;
  /** The definition's fingerprint at the last fetch: what a remembered approval is bound to. */
  fingerprint: string | undefined;
  definition: ModelToolDefinition;
}

/** The tools of one run, and the way back from a name the model used to the tool it means. */
export interface ModelToolSet {
  tools: ModelTool[];
  names: ToolNameMap;
  /**
   * Every enabled tool, when there are more than one request may carry (see `budgetToolSet`):
   * what `search_tools` searches. Absent when `tools` is the whole list.
   */
  searchable?: readonly ModelTool[];
  find(modelName: string): ModelTool | undefined;
}

type ConnectorTools = Pick<ConnectorRow, 'id' | 'label' | 'tools' | 'enabledTools'> & Partial<Pick<ConnectorRow, 'toolFingerprints'>>;

/** Only the enabled tools of the given (selected) connectors; a tool the server dropped is not offered. */
export function buildModelTools(connectors: readonly ConnectorTools[]): ModelToolSet {
  const entries = connectors.flatMap((connector) => {
    const enabled = new Set(connector.enabledTools);
    return connector.tools
      .filter((tool) => enabled.has(tool.name))
      .map((tool) => ({ connectorId: connector.id, connectorLabel: connector.label, toolName: tool.name, tool, fingerprint: connector.toolFingerprints?.[tool.name] }));
  });
  const names = mapToolNames(entries);
  const tools = entries.map((entry): ModelTool => {
    const modelName = names.toModel(entry.connectorId, entry.toolName)!;
    return {
      modelName,
      connectorId: entry.connectorId,
      connectorLabel: entry.connectorLabel,
      tool: entry.tool,
      readOnly: entry.tool.annotations?.readOnlyHint === true,
      fingerprint: entry.fingerprint,
      definition: { name: modelName, description: describe(entry.tool, entry.connectorLabel), parameters: adaptInputSchema(entry.tool.inputSchema) },
    };
  });
  const byName = new Map(tools.map((tool) => [tool.modelName, tool]));
  return { tools, names, find: (modelName) => byName.get(modelName) };
}

/** The server's own text, prefixed with where the tool comes from (names alone are mangled). */
function describe(tool: Tool, connectorLabel: string): string {
  const title = tool.title ?? tool.annotations?.title;
  const head = `Tool "${tool.name}" from the connector "${connectorLabel}".`;
  return [head, title && title !== tool.name ? title : '', tool.description ?? ''].filter(Boolean).join('\n');
}

/**
 * Passes the schema through, adding what providers insist on: a top-level `type: "object"` with
 * `properties` (OpenAI refuses a function whose parameters lack them, as some servers send `{}`).
 */
export function adaptInputSchema(schema: Tool['inputSchema'] | Record<string, unknown> | undefined): Record<string, unknown> {
  const source = (schema ?? {}) as Record<string, unknown>;
  const { $schema: _ignored, ...rest } = source;
  const properties = isRecord(rest.properties) ? rest.properties : {};
  return { ...rest, type: 'object', properties };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
