import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { ResponseInputItem } from 'openai/resources/responses/responses';

/**
 * A model's earlier turn as both the chat and sampling replay it: its text and the tool calls it
 * made. One mapping per API, so a conversation and a server's sampling request reach the model in
 * the same shape.
 */
export interface AssistantTurn {
  text: string;
  toolCalls: readonly { callId: string; name: string; argsText: string }[];
}

/** The turn as a Chat Completions `assistant` message (content null when it only called tools). */
export function chatAssistantMessage(turn: AssistantTurn): ChatCompletionMessageParam {
  return {
    role: 'assistant',
    content: turn.text || null,
    ...(turn.toolCalls.length > 0
      ? { tool_calls: turn.toolCalls.map((call) => ({ id: call.callId, type: 'function' as const, function: { name: call.name, arguments: call.argsText } })) }
      : {}),
  };
}

/** The turn as Responses input items: its text (if any), then one `function_call` per call. */
export function responsesAssistantItems(turn: AssistantTurn): ResponseInputItem[] {
  return [
    ...(turn.text ? [{ role: 'assistant' as const, content: turn.text }] : []),
    ...turn.toolCalls.map((call) => ({ type: 'function_call' as const, call_id: call.callId, name: call.name, arguments: call.argsText })),
  ];
}
