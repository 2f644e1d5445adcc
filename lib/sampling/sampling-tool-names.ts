import type { CreateMessageRequestParams } from '@modelcontextprotocol/sdk/types.js';
import { mapToolNames, type ToolNameMap } from '../llm/tool-names';
import { blocksOf } from './check-sampling-messages';

/** The one "connector" of a sampling request's tools: they are the asking server's, and only its. */
const SERVER = 'sampling-server';

/** Both directions between the server's tool names and the provider-safe names the model sees. */
export interface SamplingToolNames {
  toModel(toolName: string): string;
  fromModel(modelName: string): string | undefined;
}

/**
 * Names the request's tools (and any tool its history used) as the model may call them, prefixed
 * with the connector's label so the model knows whose tools they are. Reversible: a name the
 * model answers with that maps to no offered tool is caught when the answer is reviewed.
 */
export function samplingToolNames(params: Pick<CreateMessageRequestParams, 'messages' | 'tools'>, connectorLabel: string): SamplingToolNames {
  const used = params.messages.flatMap((message) => blocksOf(message.content).flatMap((block) => (block.type === 'tool_use' ? [block.name] : [])));
  const all = [...new Set([...(params.tools ?? []).map((tool) => tool.name), ...used])];
  const map: ToolNameMap = mapToolNames(all.map((toolName) => ({ connectorId: SERVER, connectorLabel, toolName })));
  return {
    toModel: (toolName) => map.toModel(SERVER, toolName) ?? toolName,
    fromModel: (modelName) => map.fromModel(modelName)?.toolName,
  };
}
