import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { SEVERITIES, type Finding, type ReportCard } from '../../contract/report-finding';
import { estimateSchemaTokens } from '../../contract/tool-budget';
import { mapToolNames } from '../../llm/tool-names';
import { checkAnnotations } from './annotation-checks';
import { checkCollisions, type PlacedTool } from './collision-checks';
import { checkConnectorCost, checkToolCost, toolTokens } from './cost-checks';
import { checkDescription } from './description-checks';
import type { ToolCheck } from './finding';
import { checkModelName } from './model-name-checks';
import { checkActionName, checkSpecName } from './name-checks';
import { checkParameters } from './parameter-checks';
import { checkSchemas } from './schema-checks';

/** A stored connector as the report card reads it: its label, its last tool list and when it came. */
export interface ReportedConnector {
  id: string;
  label: string;
  tools: readonly Tool[];
  toolsFetchedAt: number | null;
}

export interface ReportCardInput {
  connector: ReportedConnector;
  /** Every other stored connector: names are compared across all of the user's tools. */
  others: readonly Omit<ReportedConnector, 'toolsFetchedAt'>[];
  /** The configured model and its tool limit (tools per request). */
  model: string;
  toolLimit: number;
}

/** The checks that judge a tool on its own, in the order a tool's findings are read. */
const TOOL_CHECKS: readonly ToolCheck[] = [checkSchemas, checkSpecName, checkActionName, checkDescription, checkParameters, checkAnnotations, checkToolCost];

/**
 * Every tool of the connector checked against the seed's tool-selection guidance and the spec,
 * worst first, then by tool; plus what the card's summary says. Pure: the same input, the same card.
 */
export function buildReportCard({ connector, others, model, toolLimit }: ReportCardInput): ReportCard {
  const names = mapToolNames(connector.tools.map((tool) => ({ connectorId: connector.id, connectorLabel: connector.label, toolName: tool.name })));
  const prefix = labelPrefix(connector);
  const everyTool: PlacedTool[] = [connector, ...others].flatMap((c) => c.tools.map((tool) => ({ connectorId: c.id, connectorLabel: c.label, name: tool.name })));
  const findings: Finding[] = [...checkConnectorCost(connector.tools, toolLimit, model)];
  for (const tool of connector.tools) {
    for (const check of TOOL_CHECKS) findings.push(...check(tool));
    findings.push(...checkModelName(tool, connector, names, prefix));
    findings.push(...checkCollisions({ connectorId: connector.id, connectorLabel: connector.label, name: tool.name }, everyTool));
  }
  const rank = (f: Finding) => SEVERITIES.indexOf(f.severity);
  const order = new Map(connector.tools.map((tool, index) => [tool.name, index]));
  findings.sort((a, b) => rank(a) - rank(b) || (a.tool === null ? -1 : order.get(a.tool)!) - (b.tool === null ? -1 : order.get(b.tool)!));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return {
    findings,
    summary: {
      tools: connector.tools.length,
      counts,
      schemaTokens: estimateSchemaTokens(connector.tools),
      toolTokens: connector.tools.map((tool) => ({ tool: tool.name, tokens: toolTokens(tool) })).sort((a, b) => b.tokens - a.tokens),
      toolLimit,
      model,
      toolsFetchedAt: connector.toolsFetchedAt,
    },
  };
}

/** What the mapping puts before every tool name of this connector (`<label>__`), read off a probe. */
function labelPrefix(connector: Pick<ReportedConnector, 'id' | 'label'>): string {
  const probe = mapToolNames([{ connectorId: connector.id, connectorLabel: connector.label, toolName: 'x' }]).toModel(connector.id, 'x') ?? '';
  return probe.endsWith('__x') ? probe.slice(0, -1) : '';
}
