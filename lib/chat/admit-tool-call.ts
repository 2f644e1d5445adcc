import type { MessagePart } from '../db/message-parts';
import type { ModelToolSet } from '../llm/model-tools';
import { validateToolArguments } from '../mcp/validate-tool-arguments';
import { COMPLETE, REQUIRES_ACTION, RUNNING, errorResult, incomplete, newPartId } from './parts';

/** A complete tool call as the model produced it. */
export interface ModelToolCall {
  callId: string;
  name: string;
  argsText: string;
}

/**
 * Turns a model's call into parts, checking it before anything else: an unknown tool, arguments
 * that do not parse or break the input schema → a tool error for the model. A read-only tool is
 * `running` at once; any other waits for approval (`requires-action` + a pending approval part).
 */
export function admitToolCall(call: ModelToolCall, tools: ModelToolSet): MessagePart[] {
  const tool = tools.find(call.name);
  const base = {
    id: newPartId(),
    type: 'tool-call' as const,
    callId: call.callId,
    connectorId: tool?.connectorId ?? '',
    toolName: tool?.tool.name ?? call.name,
    argsText: call.argsText,
  };
  if (!tool) return rejected(base, `There is no tool named "${call.name}". Use one of the tools offered.`);
  const parsed = parseArgs(call.argsText);
  if (!parsed.ok) return rejected(base, parsed.problem);
  const check = validateToolArguments(tool.tool, parsed.args);
  if (!check.ok) {
    return rejected({ ...base, args: parsed.args }, `The arguments do not match the tool's input schema:\n${check.problems.join('\n')}`);
  }
  const callPart = { ...base, args: parsed.args, ...(tool.fingerprint ? { toolFingerprint: tool.fingerprint } : {}) };
  if (tool.readOnly) return [{ ...callPart, status: RUNNING }];
  return [
    { ...callPart, status: REQUIRES_ACTION },
    { id: newPartId(), type: 'approval', status: REQUIRES_ACTION, callId: call.callId, decision: 'pending', remembered: false },
  ];
}

function rejected(base: Omit<Extract<MessagePart, { type: 'tool-call' }>, 'status'>, problem: string): MessagePart[] {
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
