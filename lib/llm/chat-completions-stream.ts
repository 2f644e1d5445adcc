import type OpenAI from 'openai';
import type { ChatCompletionContentPart, ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';
import { ChatChunkSchema, type ChatChunk } from './chat-chunk';
import type { FinishReason, ModelEvent, ModelMessage, ModelRequest } from './model-events';
import { parseStreamPiece } from './parse-model-events';
import { imageDataUrl, type ModelContextPart } from './model-context';
import { chatAssistantMessage } from './wire-turns';

/** Streams one Chat Completions answer as model events; tool call pieces are joined per index. */
export async function* streamChatCompletions(client: OpenAI, model: string, request: ModelRequest, signal: AbortSignal): AsyncGenerator<ModelEvent> {
  const tools: ChatCompletionTool[] = request.tools.map((tool) => ({ type: 'function', function: tool }));
  const stream = await client.chat.completions.create(
    {
      model,
      messages: request.messages.map(toChatMessage),
      ...(tools.length > 0 ? { tools } : {}),
      stream: true,
      stream_options: { include_usage: true },
    },
    { signal },
  );
  const calls = new Map<number, { callId: string; name: string; argsText: string }>();
  let finish: FinishReason | null = null;
  for await (const raw of stream) {
    // The SDK types the chunk but does not check it: the endpoint decides what arrives.
    const chunk = parseStreamPiece(ChatChunkSchema, raw, 'a Chat Completions chunk');
    if (chunk.usage) yield { type: 'usage', inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens };
    const choice = chunk.choices[0];
    if (!choice) continue;
    const reasoning = reasoningOf(choice.delta);
    if (reasoning) yield { type: 'reasoning-delta', text: reasoning };
    if (choice.delta.content) yield { type: 'text-delta', text: choice.delta.content };
    for (const piece of choice.delta.tool_calls ?? []) {
      const call = calls.get(piece.index) ?? { callId: '', name: '', argsText: '' };
      call.callId = piece.id ?? call.callId;
      call.name += piece.function?.name ?? '';
      call.argsText += piece.function?.arguments ?? '';
      calls.set(piece.index, call);
    }
    if (choice.finish_reason) finish = finishOf(choice.finish_reason);
  }
  // The SDK ends quietly on abort: half-streamed calls must not be yielded as complete.
  signal.throwIfAborted();
  // An id the endpoint left out stays empty: admission answers it as a tool error (never a made-up id).
  for (const [, call] of [...calls].sort(([a], [b]) => a - b)) {
    yield { type: 'tool-call', callId: call.callId, name: call.name, argsText: call.argsText };
  }
  yield { type: 'finish', reason: finish ?? (calls.size > 0 ? 'tool-calls' : 'stop') };
}

/** Not in OpenAI's own API: DeepSeek and vLLM send `reasoning_content`, OpenRouter and Ollama `reasoning`. */
function reasoningOf(delta: ChatChunk['choices'][number]['delta']): string {
  const text = delta.reasoning_content ?? delta.reasoning;
  return typeof text === 'string' ? text : '';
}

/** A finish reason no API names (a newer one, or nonsense) is `other`: the answer still ends. */
export function finishOf(reason: string): FinishReason {
  switch (reason) {
    case 'stop':
      return 'stop';
    case 'tool_calls':
    case 'function_call':
      return 'tool-calls';
    case 'length':
      return 'length';
    case 'content_filter':
      return 'content-filter';
    default:
      return 'other';
  }
}

function toChatMessage(message: ModelMessage): ChatCompletionMessageParam {
  switch (message.role) {
    case 'system':
      return { role: 'system', content: message.text };
    case 'user':
      return message.context ? { role: 'user', content: [{ type: 'text', text: message.text }, ...message.context.map(toChatContentPart)] } : { role: 'user', content: message.text };
    case 'assistant':
      return chatAssistantMessage(message);
    case 'tool':
      return { role: 'tool', tool_call_id: message.callId, content: message.text };
  }
}

function toChatContentPart(part: ModelContextPart): ChatCompletionContentPart {
  switch (part.type) {
    case 'text':
      return { type: 'text', text: part.text };
    case 'image':
      return { type: 'image_url', image_url: { url: imageDataUrl(part) } };
  }
}
