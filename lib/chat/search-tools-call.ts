import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { BUILTIN_CONNECTOR_ID, SEARCH_TOOLS_NAME } from '../contract/tool-budget';
import type { MessagePart } from '../db/message-parts';
import type { MessageRow } from '../db/rows';
import type { ModelToolSet } from '../llm/model-tools';
import { MAX_SEARCH_RESULTS, searchTools } from '../llm/search-tools';
import type { ModelToolCall } from './admit-tool-call';
import { sizeOf } from './admit-tool-call';
import { newCallId } from './call-ids';
import { COMPLETE, errorResult, incomplete, newPartId, partsOf } from './parts';

const SearchArgsSchema = z.object({ query: z.string().trim().min(1).max(500), limit: z.number().int().min(1).max(MAX_SEARCH_RESULTS).optional() }).strict();

/** The found tools as stored in a search's result; what the next step loads the schemas of. */
const FoundNamesSchema = z.object({ tools: z.array(z.object({ name: z.string() }).passthrough()) }).passthrough();

/** A stored call of Patchbay's own `search_tools`. */
export function isSearchCall(call: Pick<Extract<MessagePart, { type: 'tool-call' }>, 'connectorId' | 'toolName'>): boolean {
  return call.connectorId === BUILTIN_CONNECTOR_ID && call.toolName === SEARCH_TOOLS_NAME;
}

/**
 * Answers a `search_tools` call in place, as its card and result: Patchbay's own tool, so nothing
 * reaches a server and no approval is needed (it only reads the tool catalog). Bad arguments end
 * as a tool error the model reads, as for any tool.
 */
export function answerSearchCall(call: ModelToolCall, tools: ModelToolSet): MessagePart[] {
  const base = {
    id: newPartId(), type: 'tool-call' as const, callId: newCallId(), providerCallId: call.callId,
    connectorId: BUILTIN_CONNECTOR_ID, toolName: SEARCH_TOOLS_NAME, argsText: call.argsText,
  };
  const args = parse(call.argsText);
  if (!args.success) {
    const problem = `The arguments do not match search_tools' input schema: ${args.error}`;
    const result = errorResult(problem);
    return [{ ...base, status: incomplete('error', problem) }, resultPart(base.callId, result, true)];
  }
  const found = searchTools(tools.searchable ?? tools.tools, args.data.query, args.data.limit);
  const text = found.length > 0
    ? `Found ${found.length} tools; call them by these names in your next step:\n${JSON.stringify(found, null, 1)}`
    : `No tool matches "${args.data.query}". Try other keywords.`;
  const result = { content: [{ type: 'text' as const, text }], structuredContent: { tools: found } };
  const now = Date.now();
  return [{ ...base, args: args.data, status: COMPLETE, startedAt: now, endedAt: now }, resultPart(base.callId, result, false)];
}

/** Tools earlier searches in the conversation found, newest first: their schemas go in the next request. */
export function loadedToolNames(history: readonly MessageRow[]): string[] {
  const names: string[] = [];
  for (const message of [...history].reverse()) {
    const searches = new Set(partsOf(message.parts, 'tool-call').filter(isSearchCall).map((call) => call.callId));
    for (const part of partsOf(message.parts, 'tool-result').reverse()) {
      if (!searches.has(part.callId)) continue;
      const found = FoundNamesSchema.safeParse((part.result as { structuredContent?: unknown } | null)?.structuredContent);
      if (found.success) names.push(...found.data.tools.map((tool) => tool.name));
    }
  }
  return names;
}

function parse(argsText: string): { success: true; data: z.infer<typeof SearchArgsSchema> } | { success: false; error: string } {
  let value: unknown;
  try {
    value = argsText.trim() === '' ? {} : JSON.parse(argsText);
  } catch (error) {
    return { success: false, error: `not valid JSON (${(error as Error).message})` };
  }
  const parsed = SearchArgsSchema.safeParse(value);
  return parsed.success ? parsed : { success: false, error: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ') };
}

function resultPart(callId: string, result: CallToolResult, isError: boolean): MessagePart {
  return { id: newPartId(), type: 'tool-result', status: COMPLETE, callId, result, isError, sizeBytes: sizeOf(result) };
}
