import type OpenAI from 'openai';
import type { ChatCompletionContentPart, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { finishOf } from '../chat-completions-stream';
import { parseStreamPiece } from '../parse-model-events';
import { ChatCompletionAnswerSchema } from './sampling-answer-schemas';
import type { SamplingInputPart, SamplingModelAnswer, SamplingModelMessage, SamplingModelRequest } from './sampling-model';
import { chatAssistantMessage } from '../wire-turns';

/** OpenAI takes at most four stop sequences; the rest are cut from the answer by Patchbay itself. */
const MAX_API_STOP_SEQUENCES = 4;

/** One sampling request over Chat Completions, answered whole (`stream: false`). */
export async function completeWithChat(client: OpenAI, model: string, request: SamplingModelRequest, signal: AbortSignal): Promise<SamplingModelAnswer> {
  const messages: ChatCompletionMessageParam[] = [
    ...(request.systemPrompt ? [{ role: 'system' as const, content: request.systemPrompt }] : []),
    ...request.messages.map(toChatMessage),
  ];
  const raw: unknown = await client.chat.completions.create(
    {
      model,
      messages,
      max_completion_tokens: request.maxTokens,
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
      ...(request.stopSequences.length > 0 ? { stop: request.stopSequences.slice(0, MAX_API_STOP_SEQUENCES) } : {}),
      ...(request.tools.length > 0
        ? { tools: request.tools.map((tool) => ({ type: 'function' as const, function: tool })), tool_choice: request.toolChoice }
        : {}),
      stream: false,
    },
    { signal },
  );
  const answer = parseStreamPiece(ChatCompletionAnswerSchema, raw, 'a Chat Completions answer');
  const choice = answer.choices[0]!;
  const toolCalls = (choice.message.tool_calls ?? []).map((call) => ({ callId: call.id, name: call.function.name, argsText: call.function.arguments }));
  return {
    model: answer.model || model,
    text: choice.message.content ?? '',
    toolCalls,
    finish: choice.finish_reason ? finishOf(choice.finish_reason) : toolCalls.length > 0 ? 'tool-calls' : 'stop',
  };
}

function toChatMessage(message: SamplingModelMessage): ChatCompletionMessageParam {
  switch (message.role) {
    case 'user':
      return { role: 'user', content: message.parts.map(toChatPart) };
    case 'assistant':
      return chatAssistantMessage(message);
    case 'tool':
      return { role: 'tool', tool_call_id: message.callId, content: message.text };
  }
}

function toChatPart(part: SamplingInputPart): ChatCompletionContentPart {
  switch (part.type) {
    case 'text':
      return { type: 'text', text: part.text };
    case 'image':
      return { type: 'image_url', image_url: { url: `data:${part.mimeType};base64,${part.data}` } };
    case 'audio':
      return { type: 'input_audio', input_audio: { data: part.data, format: part.format } };
  }
}
