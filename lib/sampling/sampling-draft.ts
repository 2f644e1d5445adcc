import type { CreateMessageRequestParams, CreateMessageResultWithTools, Tool } from '@modelcontextprotocol/sdk/types.js';
import type { SamplingDraft, SamplingEdit, SamplingToolUse } from '../contract/sampling-draft';
import { validateToolArguments } from '../mcp/catalog/validate-tool-arguments';
import type { SamplingFinish, SamplingModelAnswer } from '../llm/sampling/sampling-model';
import { resolveClaims, riskOf } from '../policy/tool-policy';
import type { SamplingToolNames } from './sampling-tool-names';

/** The spec's stop reasons (an open string: a reason no one names is left out). */
const STOP_REASONS: Record<SamplingFinish, string | undefined> = {
  stop: 'endTurn',
  'stop-sequence': 'stopSequence',
  length: 'maxTokens',
  'tool-calls': 'toolUse',
  'content-filter': 'contentFilter',
  other: undefined,
};

/**
 * The model's answer as the `CreateMessageResult` the person reviews: role assistant, the model
 * that answered, the stop reason, and content — one text block without tools (the result the
 * spec's older shape needs), or text and `tool_use` blocks with them, each tool use checked
 * against the tool the server offered.
 */
export function draftFromAnswer(params: Pick<CreateMessageRequestParams, 'tools' | 'toolChoice'>, answer: SamplingModelAnswer, names: SamplingToolNames): SamplingDraft {
  const withTools = params.tools !== undefined || params.toolChoice !== undefined;
  const tools = new Map((params.tools ?? []).map((tool) => [tool.name, tool]));
  const ids = answer.toolCalls.map((call) => call.callId);
  const toolUses = withTools
    ? answer.toolCalls.map((call, index) => {
        const use = reviewCall(call, names, tools);
        // The model's ids are not trusted: the server pairs its tool_result with this id.
        const badId = !call.callId ? 'The model gave this tool use no id.' : ids.indexOf(call.callId) !== index ? `The model used the id “${call.callId.slice(0, 80)}” twice.` : null;
        return badId ? { ...use, problems: [...use.problems, badId] } : use;
      })
    : [];
  const stopReason = STOP_REASONS[answer.finish];
  return { result: buildResult(answer.model, stopReason, answer.text, toolUses, withTools), toolUses, withTools };
}

/** The draft after the person's edits, each edited input checked again against its tool. */
export function applyEdit(draft: SamplingDraft, edit: SamplingEdit, params: Pick<CreateMessageRequestParams, 'tools'>): SamplingDraft {
  const tools = new Map((params.tools ?? []).map((tool) => [tool.name, tool]));
  const toolUses = draft.toolUses.map((use) => {
    const input = edit.toolInputs[use.id] ?? use.input;
    const tool = tools.get(use.name);
    return { ...use, input, problems: tool ? inputProblems(tool, input) : use.problems };
  });
  return { ...draft, toolUses, result: buildResult(draft.result.model, draft.result.stopReason, edit.text, toolUses, draft.withTools) };
}

function buildResult(model: string, stopReason: string | undefined, text: string, toolUses: SamplingToolUse[], withTools: boolean): CreateMessageResultWithTools {
  const head = { role: 'assistant' as const, model, ...(stopReason ? { stopReason } : {}) };
  if (!withTools) return { ...head, content: { type: 'text', text } };
  const uses = toolUses.map((use) => ({ type: 'tool_use' as const, id: use.id, name: use.name, input: use.input }));
  return { ...head, content: [...(text || uses.length === 0 ? [{ type: 'text' as const, text }] : []), ...uses] };
}

function reviewCall(call: SamplingModelAnswer['toolCalls'][number], names: SamplingToolNames, tools: Map<string, Tool>): SamplingToolUse {
  const name = names.fromModel(call.name);
  const tool = name === undefined ? undefined : tools.get(name);
  const parsed = parseInput(call.argsText);
  const problems = [
    ...(tool ? [] : [`The server offered no tool named “${call.name.slice(0, 80)}”.`]),
    ...(parsed.ok ? [] : [parsed.problem]),
    ...(tool && parsed.ok ? inputProblems(tool, parsed.input) : []),
  ];
  return {
    id: call.callId,
    name: name ?? call.name,
    input: parsed.ok ? parsed.input : {},
    risk: riskOf(resolveClaims(tool?.annotations)),
    description: tool?.description ?? '',
    problems,
  };
}

function inputProblems(tool: Tool, input: Record<string, unknown>): string[] {
  const check = validateToolArguments(tool, input);
  return check.ok ? [] : check.problems.map((problem) => `Input: ${problem}`);
}

function parseInput(text: string): { ok: true; input: Record<string, unknown> } | { ok: false; problem: string } {
  try {
    const value: unknown = JSON.parse(text || '{}');
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { ok: true, input: value as Record<string, unknown> };
  } catch {
    // Falls through to the same answer: the model's arguments are not an object.
  }
  return { ok: false, problem: 'The model’s input for this tool is not a JSON object: edit it before sending.' };
}
