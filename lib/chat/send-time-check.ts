import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { MessagePart } from '../db/message-parts';
import type { ConnectorRow } from '../db/rows';
import { diffTool } from '../mcp/catalog/tool-diff';
import { canonicalJson } from '../mcp/catalog/tool-fingerprint';
import { validateToolArguments } from '../mcp/catalog/validate-tool-arguments';
import { resolveClaims, riskOf } from '../policy/tool-policy';
import { changeKind } from '../policy/host-tool-fingerprint';
import { boundFingerprint } from './app-page-binding';
import { sizeOf } from './admit-tool-call';
import type { MessageWriter } from './message-writer';
import { COMPLETE, REQUIRES_ACTION, errorResult, incomplete, newPartId, retryNoticeId, updatePart } from './parts';
import type { RunContext } from './run-context';

type ToolCallPart = Extract<MessagePart, { type: 'tool-call' }>;
type ApprovalPart = Extract<MessagePart, { type: 'approval' }>;

/**
 * What to do with a call about to be sent, judged against the connector as stored now (a worker
 * may have died between the decision and the send, and the server may have changed the tool):
 * send it; ask again on a card (with what changed); or end it with a tool error for the model.
 */
export type SendVerdict =
  | { action: 'send' }
  | { action: 'ask'; tool: Tool; fingerprint: string | undefined }
  | { action: 'refuse'; problem: string };

/**
 * The rule: an approved call is sent only if the tool's fingerprint is the one it was approved
 * for and its input passes the current input schema. A call that needed no card (read-only) whose
 * tool changed since admission is sent only if the new definition still needs no card.
 * `current` is the fingerprint as admission binds it now (for a tool with an app, joined with its
 * page's, so a changed page counts as a changed tool); absent, the definition's as stored.
 */
export function sendVerdict(call: ToolCallPart, approval: ApprovalPart | undefined, connector: ConnectorRow | undefined, current?: string): SendVerdict {
  const tool = connector?.tools.find((t) => t.name === call.toolName);
  if (!connector || !tool) return { action: 'refuse', problem: `The connector no longer offers the tool "${call.toolName}"; the call was not sent.` };
  const fingerprint = current ?? connector.toolFingerprints[call.toolName];
  const changed = fingerprint !== call.toolFingerprint;
  if (!approval) {
    const claims = resolveClaims(tool.annotations);
    return changed && (!claims.readOnly || connector.askAlways) ? { action: 'ask', tool, fingerprint } : { action: 'send' };
  }
  if (changed) return { action: 'ask', tool, fingerprint };
  const check = validateToolArguments(tool, approval.editedArgs ?? call.args ?? {});
  if (check.ok) return { action: 'send' };
  // The user saw this very definition and approved an input it refuses: asking again would loop.
  if (approval.shownTool && canonicalJson(approval.shownTool) === canonicalJson(tool)) {
    return { action: 'refuse', problem: `The input does not match the tool's current input schema; the call was not sent:\n${check.problems.join('\n')}` };
  }
  return { action: 'ask', tool, fingerprint };
}

/**
 * Applies `sendVerdict` right before `runToolCall` sends (`approval` is the one `runToolCall` found
 * for this call, so both judge the same card): true when the call may go. Otherwise the
 * parts are rewritten here — a fresh pending card (an earlier edited input is dropped: the card
 * shows the model's input, and the audit already holds the edit), or a tool error — and false.
 */
export async function recheckBeforeSend(writer: MessageWriter, call: ToolCallPart, approval: ApprovalPart | undefined, ctx: Pick<RunContext, 'store' | 'appPage'>): Promise<boolean> {
  const connector = await ctx.store.connector(call.connectorId);
  const tool = connector?.tools.find((t) => t.name === call.toolName);
  const current = connector && tool ? await boundFingerprint(connector.id, tool, connector.toolFingerprints[call.toolName], ctx.appPage) : undefined;
  const verdict = sendVerdict(call, approval, connector, current);
  switch (verdict.action) {
    case 'send':
      return true;
    case 'ask':
      await writer.edit((parts) => reask(parts, call, approval, verdict.tool, verdict.fingerprint));
      return false;
    case 'refuse': {
      const result = errorResult(verdict.problem);
      await writer.edit((parts) => [
        ...updatePart(parts, call.id, (part) => ({ ...part, status: incomplete('error', verdict.problem), endedAt: Date.now() })),
        { id: newPartId(), type: 'tool-result', status: COMPLETE, callId: call.callId, result, isError: true, sizeBytes: sizeOf(result) },
      ]);
      return false;
    }
  }
}

function reask(parts: MessagePart[], call: ToolCallPart, approval: ApprovalPart | undefined, tool: Tool, fingerprint: string | undefined): MessagePart[] {
  const claims = resolveClaims(tool.annotations);
  const shown = approval?.shownTool;
  const drift = shown ? diffTool(shown, tool) : undefined;
  const base = approval ? withoutDecision(approval) : { id: newPartId(), type: 'approval' as const, callId: call.callId };
  const card: ApprovalPart = {
    ...base, decision: 'pending', remembered: false, status: REQUIRES_ACTION,
    ask: { why: changeKind(call.toolFingerprint, fingerprint), risk: riskOf(claims), claims },
    shownTool: tool,
    ...(drift ? { drift } : {}),
  };
  // A re-sent read-only call now waits on a card: the notice that it was sent again is no longer true.
  const kept = approval ? parts : parts.filter((part) => part.id !== retryNoticeId(call.callId));
  const rebound = updatePart(kept, call.id, (part) => {
    const { toolFingerprint: _old, ...rest } = part as ToolCallPart;
    return { ...rest, status: REQUIRES_ACTION, ...(fingerprint ? { toolFingerprint: fingerprint } : {}) };
  });
  if (approval) return updatePart(rebound, approval.id, () => card);
  const at = rebound.findIndex((part) => part.id === call.id);
  return [...rebound.slice(0, at + 1), card, ...rebound.slice(at + 1)];
}

function withoutDecision(approval: ApprovalPart): Omit<ApprovalPart, 'decidedAt' | 'decidedBy' | 'editedArgs' | 'drift'> {
  const { decidedAt: _at, decidedBy: _by, editedArgs: _edit, drift: _drift, ...rest } = approval;
  return rest;
}
