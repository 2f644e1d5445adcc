import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { MessagePart } from '../db/message-parts';
import type { MessageRow } from '../db/rows';
import { mapToolNames } from '../llm/tool-names';
import type { ModelMessage } from '../llm/model-events';
import type { ModelToolSet } from '../llm/model-tools';
import { capToolResult } from '../mcp/cap-result';
import { redactUrlsInText } from '../mcp/url-credentials';
import { callSiblings, partsOf } from './parts';

/** Bytes of one tool result the model gets to read; the full result stays in the tool-result part. */
export const DEFAULT_RESULT_BUDGET_BYTES = 16_000;

/**
 * The stored conversation as model messages. Every tool call gets an answer (APIs refuse a call
 * without one): its capped result, or a note saying why there is none; either with credentials
 * in URLs redacted (an error quoting a connector's `?api_key=` URL is not the model's to read).
 */
export function toModelMessages(history: readonly MessageRow[], tools: ModelToolSet, budgetBytes: number): ModelMessage[] {
  return history.flatMap((message): ModelMessage[] => {
    const text = partsOf(message.parts, 'text').map((part) => part.text).join('');
    switch (message.role) {
      case 'user':
        return [{ role: 'user', text }];
      case 'tool':
        return [];
      case 'assistant': {
        const calls = partsOf(message.parts, 'tool-call');
        if (!text && calls.length === 0) return [];
        const toolCalls = calls.map((call) => ({ callId: call.callId, name: modelNameOf(call, tools), argsText: call.argsText }));
        const answers = calls.map((call): ModelMessage => ({ role: 'tool', callId: call.callId, text: redactUrlsInText(answerFor(message.parts, call.callId, call.status, budgetBytes)) }));
        return [{ role: 'assistant', text, toolCalls }, ...answers];
      }
    }
  });
}

function modelNameOf(call: Extract<MessagePart, { type: 'tool-call' }>, tools: ModelToolSet): string {
  const current = tools.names.toModel(call.connectorId, call.toolName);
  if (current) return current;
  // The connector is no longer selected; the call is history, named the same stable way.
  const alone = mapToolNames([{ connectorId: call.connectorId, connectorLabel: call.connectorId, toolName: call.toolName }]);
  return alone.toModel(call.connectorId, call.toolName)!;
}

function answerFor(parts: readonly MessagePart[], callId: string, status: MessagePart['status'], budgetBytes: number): string {
  const { result } = callSiblings(parts, callId);
  if (result) return resultText(result.result as CallToolResult, budgetBytes);
  switch (status.type) {
    case 'incomplete':
      return JSON.stringify({ isError: true, error: `No result: ${status.reason.message}` });
    case 'running':
    case 'requires-action':
    case 'complete':
      return JSON.stringify({ isError: true, error: 'No result was recorded for this call.' });
  }
}

/** The capped result as JSON data: content blocks, structured content and the error flag. */
export function resultText(result: CallToolResult, budgetBytes: number): string {
  const capped = capToolResult(result, budgetBytes).result;
  return JSON.stringify({
    content: capped.content,
    ...(capped.structuredContent !== undefined ? { structuredContent: capped.structuredContent } : {}),
    ...(capped.isError ? { isError: true } : {}),
  });
}
