import type OpenAI from 'openai';
import type { FunctionTool, ResponseInputContent, ResponseInputItem } from 'openai/resources/responses/responses';
import { streamFailure } from '../model-errors';
import type { FinishReason } from '../model-events';
import { parseStreamPiece } from '../parse-model-events';
import { ResponsesAnswerSchema, ResponsesFunctionCallItemSchema, ResponsesMessageItemSchema } from './sampling-answer-schemas';
import { SamplingUnsupportedContentError } from './sampling-model-errors';
import type { SamplingInputPart, SamplingModelAnswer, SamplingModelMessage, SamplingModelRequest } from './sampling-model';
import { responsesAssistantItems } from '../wire-turns';

/**
 * One sampling request over the Responses API, answered whole and stateless (`store: false`).
 * The API has no stop sequences: those are applied to the answer afterwards (see the caller).
 */
export async function completeWithResponses(client: OpenAI, model: string, request: SamplingModelRequest, signal: AbortSignal): Promise<SamplingModelAnswer> {
  const tools: FunctionTool[] = request.tools.map((tool) => ({ type: 'function', name: tool.name, description: tool.description, parameters: tool.parameters, strict: false }));
  const raw: unknown = await client.responses.create(
    {
      model,
      input: request.messages.flatMap(toInputItems),
      ...(request.systemPrompt ? { instructions: request.systemPrompt } : {}),
      max_output_tokens: request.maxTokens,
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
      ...(tools.length > 0 ? { tools, tool_choice: request.toolChoice } : {}),
      store: false,
      stream: false,
    },
    { signal },
  );
  const answer = parseStreamPiece(ResponsesAnswerSchema, raw, 'a Responses answer');
  if (answer.status === 'failed') throw streamFailure(answer.error?.code, answer.error?.message ?? 'The response failed.');
  let text = '';
  const toolCalls: SamplingModelAnswer['toolCalls'] = [];
  for (const item of answer.output) {
    if (item.type === 'message') {
      const message = parseStreamPiece(ResponsesMessageItemSchema, item, 'a message item');
      text += message.content.flatMap((part) => (part.type === 'output_text' && part.text !== undefined ? [part.text] : [])).join('');
    } else if (item.type === 'function_call') {
      const call = parseStreamPiece(ResponsesFunctionCallItemSchema, item, 'a function call');
      toolCalls.push({ callId: call.call_id, name: call.name, argsText: call.arguments });
    }
  }
  return { model: answer.model || model, text, toolCalls, finish: finishOf(answer.status, answer.incomplete_details?.reason, toolCalls.length > 0) };
}

function finishOf(status: string | null | undefined, why: string | null | undefined, sawCall: boolean): FinishReason {
  if (status === 'incomplete') return why === 'max_output_tokens' ? 'length' : why === 'content_filter' ? 'content-filter' : 'other';
  return sawCall ? 'tool-calls' : 'stop';
}

function toInputItems(message: SamplingModelMessage): ResponseInputItem[] {
  switch (message.role) {
    case 'user':
      return [{ role: 'user', content: message.parts.map(toInputContent) }];
    case 'assistant':
      return responsesAssistantItems(message);
    case 'tool':
      return [{ type: 'function_call_output', call_id: message.callId, output: message.text }];
  }
}

function toInputContent(part: SamplingInputPart): ResponseInputContent {
  switch (part.type) {
    case 'text':
      return { type: 'input_text', text: part.text };
    case 'image':
      return { type: 'input_image', image_url: `data:${part.mimeType};base64,${part.data}`, detail: 'auto' };
    case 'audio':
      throw new SamplingUnsupportedContentError('The Responses API takes no audio in a message. Choose Chat Completions in Settings to sample with audio.');
  }
}
