import type { ConnectorRow } from '../db/rows';
import type { ToolOverrideRow } from '../contract/tool-override';
import { buildModelTools, type ModelToolSet } from '../llm/model-tools';
import { budgetToolSet } from '../llm/tool-budget';
import { fingerprintTool } from '../mcp/catalog/tool-fingerprint';
import { withOverrides } from './apply-overrides';
import { BUILTIN_CONNECTOR_ID } from '../contract/tool-budget';

/** The tools one case offers, exactly as a conversation with these connectors would, and their fingerprints. */
export interface CaseTools {
  set: ModelToolSet;
  /** `<tool>` for the suite's connector, `<connector label>/<tool>` for others, to the shown definition's hash. */
  fingerprints: Record<string, string>;
}

/**
 * Builds the case's tool list the way the chat does (enabled tools, `tool-names.ts` naming, the
 * model's tool budget from the first step, so `search_tools` when the list is too long), with the
 * what-if overrides applied when asked. The definitions are fingerprinted as shown.
 */
export async function caseTools(connectors: readonly ConnectorRow[], ownConnectorId: string, overrides: readonly ToolOverrideRow[], limit: number): Promise<CaseTools> {
  const shown = withOverrides(connectors, overrides);
  const set = budgetToolSet(buildModelTools(shown), limit, []);
  const fingerprints: Record<string, string> = {};
  for (const tool of set.tools) {
    if (tool.connectorId === BUILTIN_CONNECTOR_ID) continue;
    const key = tool.connectorId === ownConnectorId ? tool.tool.name : `${tool.connectorLabel}/${tool.tool.name}`;
    fingerprints[key] = await fingerprintTool(tool.tool);
  }
  return { set, fingerprints };
}
