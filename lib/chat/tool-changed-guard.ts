import type { MessagePart } from '../db/message-parts';
import type { ConnectorRow } from '../db/rows';
import { diffTool } from '../mcp/catalog/tool-diff';
import { resolveClaims, riskOf } from '../policy/tool-policy';
import { rebindTool, toolPartOf } from '../policy/host-tool-fingerprint';
import { updatePart } from './parts';

type ApprovalPart = Extract<MessagePart, { type: 'approval' }>;
type ToolCallPart = Extract<MessagePart, { type: 'tool-call' }>;

/**
 * When the server changed the tool after its card was shown, the parts re-asked: the card shows
 * the current definition, what changed since the one the user read, and the risk the new claims
 * carry; the call is bound to the new fingerprint (its app page binding kept: the send-time check
 * judges the page). `null` when the tool is as the card shows it.
 */
export function reaskIfToolChanged(parts: MessagePart[], call: ToolCallPart, approval: ApprovalPart, connector: ConnectorRow | undefined): MessagePart[] | null {
  const current = connector?.toolFingerprints[call.toolName];
  if (!call.toolFingerprint || !current || current === toolPartOf(call.toolFingerprint)) return null;
  const tool = connector.tools.find((t) => t.name === call.toolName);
  if (!tool) return null;
  const shown = approval.shownTool;
  const drift = shown ? diffTool(shown, tool) : undefined;
  const claims = resolveClaims(tool.annotations);
  const reasked = updatePart(parts, approval.id, (part) => ({
    ...part,
    ask: { why: 'definition-changed' as const, risk: riskOf(claims), claims },
    shownTool: tool,
    ...(drift ? { drift } : {}),
  }));
  const bound = rebindTool(call.toolFingerprint, current);
  return updatePart(reasked, call.id, (part) => ({ ...part, toolFingerprint: bound }));
}
