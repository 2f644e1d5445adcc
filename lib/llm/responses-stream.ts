import type OpenAI from 'openai';
import type { FunctionTool, ResponseInputContent, ResponseInputItem } from 'openai/resources/responses/responses';
import { imageDataUrl, type ModelContextPart } from './model-context';
import { ModelBadOutputError, streamFailure } from './model-errors';
import type { FinishReason, ModelEvent, ModelMessage, ModelRequest } from './model-events';
import { parseStreamPiece } from './parse-model-events';
import { FunctionCallItemSchema, READ_RESPONSES_EVENTS, ResponsesEventSchema } from './responses-events';
import { responsesAssistantItems } from './wire-turns';

/**
 * Streams one Responses API answer as model events. Stateless (`store: false`): the whole
 * conversation is sent each time, as the database, not the provider, holds it.
 */
export async function* streamResponses(client: OpenAI, model: string, request: ModelRequest, signal: AbortSignal): AsyncGenerator<ModelEvent> {
  const tools: FunctionTool[] = request.tools.map((tool) => ({ type: 'function', name: tool.name, description: tool.description, parameters: tool.parameters, strict: false }));
  // The conversation's system prompt goes where the Responses API wants it: `instructions`.
  const [first, ...rest] = request.messages;
  const instructions = first?.role === 'system' ? { instructions: first.text } : {};
  const input = (first?.role === 'system' ? rest : request.messages).flatMap(toInputItems);
  const stream = await client.responses.create(
    { model, ...instructions, input, ...(tools.length > 0 ? { tools } : {}), store: false, stream: true },
    { signal },
  );
  let sawCall = false;
  for await (const raw of stream as AsyncIterable<unknown>) {
    const type = (raw as { type?: unknown } | null)?.type;
    // Events Patchbay does not read are skipped; the ones it reads are checked first.
    if (typeof type !== 'string' || !READ_RESPONSES_EVENTS.has(type)) {
      if (typeof type !== 'string') throw new ModelBadOutputError('a Responses event without a type');
      continue;
    }
    const event = parseStreamPiece(ResponsesEventSchema, raw, `a “${type}” event`);
    switch (event.type) {
      case 'response.output_text.delta':
        yield { type: 'text-delta', text: event.delta };
        break;
      case 'response.reasoning_text.delta':
      case 'response.reasoning_summary_text.delta':
        yield { type: 'reasoning-delta', text: event.delta };
        break;
      case 'response.output_item.done':
        if (event.item.type === 'function_call') {
          const call = parseStreamPiece(FunctionCallItemSchema, event.item, 'a function call');
          sawCall = true;
          yield { type: 'tool-call', callId: call.call_id, name: call.name, argsText: call.arguments };
        }
        break;
      case 'response.completed':
      case 'response.incomplete': {
        const usage = event.response.usage;
        if (usage) yield { type: 'usage', inputTokens: usage.input_tokens, outputTokens: usage.output_tokens };
        yield { type: 'finish', reason: finishOf(event.type, event.response.incomplete_details?.reason, sawCall) };
        return;
      }
      case 'response.failed':
        throw streamFailure(event.response.error?.code, event.response.error?.message ?? 'The response failed.');
      case 'error':
        throw streamFailure(event.code, event.message ?? 'The model endpoint reported an error.');
    }
  }
  signal.throwIfAborted();
  yield { type: 'finish', reason: sawCall ? 'tool-calls' : 'other' };
}

function finishOf(type: 'response.completed' | 'response.incomplete', why: string | null | undefined, sawCall: boolean): FinishReason {
  if (type === 'response.completed') return sawCall ? 'tool-calls' : 'stop';
  if (why === 'max_output_tokens') return 'length';
  if (why === 'content_filter') return 'content-filter';
  return 'other';
}

function toInputItems(message: ModelMessage): ResponseInputItem[] {
  switch (message.role) {
    case 'system':
      return [{ role: 'system', content: message.text }];
    case 'user':
      return [message.context ? { role: 'user', content: [{ type: 'input_text', text: message.text }, ...message.context.map(toInputContent)] } : { role: 'user', content: message.text }];
    case 'assistant':
      return responsesAssistantItems(message);
    case 'tool':
      return [{ type: 'function_call_output', call_id: message.callId, output: message.text }];
  }
}

function toInputContent(part: ModelContextPart): ResponseInputContent {
  switch (part.type) {
    case 'text':
      return { type: 'input_text', text: part.text };
    case 'image':
      return { type: 'input_image', image_url: imageDataUrl(part), detail: 'auto' };
  }
}
