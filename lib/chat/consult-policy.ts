import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { DecisionRow } from '../db/rows';
import type { ModelTool } from '../llm/model-tools';
import { diffTool } from '../mcp/catalog/tool-diff';
import { type ToolListDiff } from '../contract/tool-diff';
import { pickRememberedDecision, type DecisionScope, type StoredDecision } from '../policy/remembered-decisions';
import { decideToolCall, type ToolPolicyOutcome } from '../policy/tool-policy';
import type { ConversationStore } from './conversation-store';
import { boundFingerprint, type AppPageOf } from './app-page-binding';

/** Who is asking, as far as remembered decisions care: the conversation and the panel load. */
export interface PolicyScope {
  conversationId: string;
  /** The panel load the run's command came from; none for a run resumed when the worker woke. */
  panelSessionId: string | undefined;
  keepAcrossReloads: boolean;
  /** Reads a tool's app page, so a remembered decision is bound to it too; absent: such tools always ask again. */
  appPage?: AppPageOf | undefined;
}

/**
 * The policy's verdict on one call, with what it was judged against. `tool` and `fingerprint`
 * come from the connector row as stored now, not from the run's start, so a `list_changed` that
 * arrived mid-run is already in force; for a tool with an app, `fingerprint` holds its page's too.
 */
export interface PolicyVerdict {
  outcome: ToolPolicyOutcome;
  tool: Tool;
  fingerprint: string | undefined;
  /** Set when the outcome is "definition changed" and the old definition was kept with the decision. */
  drift?: ToolListDiff['changed'][number];
}

/** Reads the connector and the stored decisions for the tool, then applies `decideToolCall`. */
export async function consultPolicy(store: ConversationStore, scope: PolicyScope, offered: ModelTool): Promise<PolicyVerdict> {
  const row = await store.connector(offered.connectorId);
  const name = offered.tool.name;
  const tool = row?.tools.find((t) => t.name === name) ?? offered.tool;
  const fingerprint = await boundFingerprint(offered.connectorId, tool, row ? row.toolFingerprints[name] : offered.fingerprint, scope.appPage);
  const stored = await store.decisions.forTool(scope.conversationId, offered.connectorId, name);
  const decisionScope: DecisionScope = {
    conversationId: scope.conversationId,
    connectorId: offered.connectorId,
    toolName: name,
    panelSessionId: scope.panelSessionId,
    keepAcrossReloads: scope.keepAcrossReloads,
  };
  const remembered = pickRememberedDecision(stored.map(asStored), decisionScope);
  const outcome = decideToolCall({ annotations: tool.annotations, askAlways: row?.askAlways ?? false, remembered, currentFingerprint: fingerprint });
  const verdict: PolicyVerdict = { outcome, tool, fingerprint };
  if (outcome.action === 'ask' && outcome.why === 'definition-changed' && remembered) {
    const drift = driftSince(stored, remembered.toolFingerprint, tool);
    if (drift) verdict.drift = drift;
  }
  return verdict;
}

function asStored(row: DecisionRow): StoredDecision {
  return {
    decision: row.decision,
    toolFingerprint: row.toolFingerprint,
    conversationId: row.conversationId,
    connectorId: row.connectorId,
    toolName: row.toolName,
    panelSessionId: row.panelSessionId,
    decidedAt: row.decidedAt,
  };
}

/** What changed between the definition the user trusted (kept with the decision) and the current one. */
function driftSince(stored: readonly DecisionRow[], fingerprint: string, current: Tool) {
  const snapshot = stored.filter((row) => row.toolFingerprint === fingerprint && row.toolSnapshot).sort((a, b) => b.decidedAt - a.decidedAt)[0]?.toolSnapshot;
  if (!snapshot) return undefined;
  return diffTool(snapshot, current);
}
