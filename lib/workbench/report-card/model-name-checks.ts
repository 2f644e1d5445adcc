import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { Finding } from '../../contract/report-finding';
import { MODEL_TOOL_NAME, type ToolNameMap } from '../../llm/tool-names';
import { finding, quoted } from './finding';

/** The connector a tool belongs to, as the model-name mapping needs it. */
export interface NamedConnector {
  id: string;
  label: string;
}

/**
 * Names as the model API sees them. Patchbay sends every tool as `<connector>__<tool>` reduced to
 * what OpenAI-compatible APIs accept (`MODEL_TOOL_NAME`), cut with a hash over 64 characters or
 * when two tools would share a name (`mapToolNames`). When the model sees something other than
 * the server's name, a Warning says exactly what; when nothing of it survives, an Error.
 */
export function checkModelName(tool: Tool, connector: NamedConnector, names: ToolNameMap, labelPrefix: string): Finding[] {
  const seen = names.toModel(connector.id, tool.name) ?? '';
  if (!/[A-Za-z0-9]/.test(tool.name.normalize('NFKD'))) {
    return [finding('error', tool.name, 'name-not-mappable', `Nothing of the name ${quoted(tool.name)} survives the model API's rules (letters, digits, \`_\`, \`-\`): the model sees ${quoted(seen)}, which says nothing about the tool.`, 'Rename the tool with ASCII letters, digits and `_`, verb first (e.g. `get_weather`).')];
  }
  const faithful = `${labelPrefix}${tool.name}`;
  if (seen === faithful) return [];
  return [finding('warning', tool.name, 'name-renamed-for-model', `The model sees this tool as ${quoted(seen, 100)}, not ${quoted(faithful, 100)}: ${whyRenamed(tool.name, faithful, seen)}. Prompts and docs that name ${quoted(tool.name)} do not match what the model sees.`, 'Use only letters, digits, `_` and `-`, and keep the name short enough that the connector prefix and the name fit in 64 characters.')];
}

function whyRenamed(name: string, faithful: string, seen: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(name)) return 'model APIs accept only letters, digits, `_` and `-` in function names, so the other characters became `_`';
  if (!MODEL_TOOL_NAME.test(faithful)) return `model APIs accept at most 64 characters and the full name has ${faithful.length}, so it was cut and given a hash`;
  if (/_[0-9a-f]{8}$/.test(seen)) return 'another tool would have had the same name, so both were given a hash';
  return 'leading and trailing `_` and runs of three or more are trimmed';
}
