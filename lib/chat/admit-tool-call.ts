import type { MessagePart } from '../db/message-parts';
import type { MessageRow } from '../db/rows';
import type { ModelToolSet } from '../llm/model-tools';
import { validateToolArguments } from '../mcp/catalog/validate-tool-arguments';
import { callProvenance } from './call-provenance';
import { guardRememberedAllow } from './cross-connector-guard';
import { newCallId } from './call-ids';
import type { ToolPolicyOutcome } from '../policy/tool-policy';
import { toolUnavailable } from './tool-availability';
import { consultPolicy, type PolicyScope, type PolicyVerdict } from './consult-policy';
import type { ConversationStore } from './conversation-store';
import { COMPLETE, REQUIRES_ACTION, RUNNING, errorResult, incomplete, newPartId } from './parts';

/** A complete tool call as the model produced it; `callId` is the model's, unchecked. */
export interface ModelToolCall {
  callId: string;
  name: string;
  argsText: string;
}

/** What admission consults besides the call: the policy's inputs and the history provenance searches. */
export interface AdmissionContext extends PolicyScope {
  store: ConversationStore;
  /** The conversation before this step: where earlier tool results (provenance sources) are. */
  history: readonly MessageRow[];
  /** Settings › Approvals: a remembered allow still asks when the input carries another connector's output (absent: on). */
  askWhenInputCrossesConnectors?: boolean;
}

export const REMEMBERED_DENY_TEXT = 'The user denied this tool earlier in this conversation.';

type CallPart = Extract<MessagePart, { type: 'tool-call' }>;
type AskOutcome = Extract<ToolPolicyOutcome, { action: 'ask' }>;

/**
 * Turns one model call into parts (a step's calls go through `admitStepCalls`, which judges their
 * ids first), checking it before anything else: an unknown tool, arguments
 * that do not parse or break the input schema → a tool error for the model (no card ever shows
 * invalid input). Then the policy (lib/policy) decides: run at once, deny by a remembered
 * decision, or ask with a pending approval part that says why, what changed and where the input came from.
 */
export async function admitToolCall(call: ModelToolCall, tools: ModelToolSet, context: AdmissionContext): Promise<MessagePart[]> {
  const offered = tools.find(call.name);
  const base = callBase(call, tools, call.callId);
  if (!offered) return rejected(base, `There is no tool named "${call.name}". Use one of the tools offered.`);
  // The step's tools were read before the model answered: a switch or deselection since then counts.
  const unavailable = await toolUnavailable(context.store, context.conversationId, { connectorId: offered.connectorId, toolName: offered.tool.name, connectorLabel: offered.connectorLabel });
  if (unavailable) return rejected(base, unavailable);
  const parsed = parseArgs(call.argsText);
  if (!parsed.ok) return rejected(base, parsed.problem);
  const verdict = await consultPolicy(context.store, context, offered);
  const check = validateToolArguments(verdict.tool, parsed.args);
  if (!check.ok) {
    return rejected({ ...base, args: parsed.args }, `The arguments do not match the tool's input schema:\n${check.problems.join('\n')}`);
  }
  const callPart = { ...base, args: parsed.args, ...(verdict.fingerprint ? { toolFingerprint: verdict.fingerprint } : {}) };
  const outcome = await guardRememberedAllow(verdict.outcome, callPart, context);
  const settled = { id: newPartId(), type: 'approval' as const, status: COMPLETE, callId: base.callId, remembered: true, decidedBy: 'remembered' as const, decidedAt: Date.now() };
  switch (outcome.action) {
    case 'run':
      if (outcome.why === 'read-only') return [{ ...callPart, status: RUNNING }];
      // A write allowed by "Remember": no card, but history and the audit show who allowed it.
      await auditRemembered(context, callPart, 'approved', settled.decidedAt);
      return [{ ...callPart, status: RUNNING }, { ...settled, decision: 'allow' }];
    case 'deny': {
      const result = errorResult(REMEMBERED_DENY_TEXT);
      await auditRemembered(context, callPart, 'denied', settled.decidedAt);
      return [
        { ...callPart, status: incomplete('denied', REMEMBERED_DENY_TEXT) },
        { ...settled, decision: 'deny' },
        { id: newPartId(), type: 'tool-result', status: COMPLETE, callId: base.callId, result, isError: true, sizeBytes: sizeOf(result) },
      ];
    }
    case 'ask':
      return [{ ...callPart, status: REQUIRES_ACTION }, await pendingApproval(callPart, outcome, verdict, context)];
  }
}

/** Every decision is audited, including those a remembered decision made without a card. */
function auditRemembered(context: AdmissionContext, call: Omit<CallPart, 'status'>, kind: 'approved' | 'denied', at: number): Promise<void> {
  return context.store.decisions.appendAudit({
    at, kind, conversationId: context.conversationId, connectorId: call.connectorId, toolName: call.toolName,
    detail: { remembered: true, decidedBy: 'remembered', callId: call.callId, input: call.args ?? {} },
  });
}

async function pendingApproval(call: Omit<CallPart, 'status'>, outcome: AskOutcome, verdict: PolicyVerdict, context: AdmissionContext): Promise<MessagePart> {
  const { why, risk, claims } = outcome;
  const part: MessagePart = {
    id: newPartId(), type: 'approval', status: REQUIRES_ACTION, callId: call.callId, decision: 'pending', remembered: false, ask: { why, risk, claims },
    shownTool: verdict.tool,
  };
  if (verdict.drift) part.drift = verdict.drift;
  if (risk !== 'read-only') {
    const conversation = await context.store.conversation(context.conversationId);
    const labels = new Map((await context.store.connectorsOf(conversation)).map((row) => [row.id, row.label]));
    const provenance = callProvenance(call.args, call.connectorId, context.history, labels);
    if (provenance.length > 0) part.provenance = provenance;
  }
  return part;
}

/**
 * A call that is not run, whatever it asks for: a tool error the model reads under `providerCallId`
 * (a synthetic one when the model's own id was the problem).
 */
export function rejectToolCall(call: ModelToolCall, tools: ModelToolSet, problem: string, providerCallId: string): MessagePart[] {
  return rejected(callBase(call, tools, providerCallId), problem);
}

/** The call part every admission starts from: its own unique id, the model's id only for the round trip. */
function callBase(call: ModelToolCall, tools: ModelToolSet, providerCallId: string): Omit<CallPart, 'status'> {
  const offered = tools.find(call.name);
  return {
    id: newPartId(),
    type: 'tool-call',
    callId: newCallId(),
    providerCallId,
    connectorId: offered?.connectorId ?? '',
    toolName: offered?.tool.name ?? call.name,
    argsText: call.argsText,
  };
}

function rejected(base: Omit<CallPart, 'status'>, problem: string): MessagePart[] {
  const result = errorResult(problem);
  return [
    { ...base, status: incomplete('error', problem) },
    { id: newPartId(), type: 'tool-result', status: COMPLETE, callId: base.callId, result, isError: true, sizeBytes: sizeOf(result) },
  ];
}

type ParsedArgs = { ok: true; args: Record<string, unknown> } | { ok: false; problem: string };

/** Empty text means no arguments (some models send `""` for a tool without parameters). */
function parseArgs(argsText: string): ParsedArgs {
  if (argsText.trim() === '') return { ok: true, args: {} };
  try {
    const value: unknown = JSON.parse(argsText);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { ok: true, args: value as Record<string, unknown> };
    return { ok: false, problem: 'The arguments must be a JSON object.' };
  } catch (error) {
    return { ok: false, problem: `The arguments are not valid JSON: ${(error as Error).message}` };
  }
}

export function sizeOf(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? '').length;
}
