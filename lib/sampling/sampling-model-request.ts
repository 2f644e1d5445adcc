import type { ContentBlock, CreateMessageRequestParams, SamplingMessageContentBlock, Tool } from '@modelcontextprotocol/sdk/types.js';
import { modelResultText } from '../chat/model-result-copy';
import { adaptInputSchema } from '../llm/model-tools';
import type { SamplingInputPart, SamplingModelMessage, SamplingModelRequest } from '../llm/sampling/sampling-model';
import { blocksOf } from './check-sampling-messages';
import { SamplingRefusedError } from './sampling-errors';
import type { SamplingToolNames } from './sampling-tool-names';

/** A ceiling on what one request may ask for, whatever the server says: a loop must not run up a bill. */
export const MAX_SAMPLING_TOKENS = 8_192;
/** What a server's tool result may cost the model's context, as text. */
const TOOL_RESULT_BUDGET_BYTES = 64_000;

const AUDIO_FORMATS: Record<string, 'wav' | 'mp3'> = { 'audio/wav': 'wav', 'audio/x-wav': 'wav', 'audio/wave': 'wav', 'audio/mpeg': 'mp3', 'audio/mp3': 'mp3' };

/**
 * The approved request as the model's API takes it. `context` is what the person allowed to be
 * included for `includeContext` (nothing unless they did); the server's own messages are its
 * words, passed on as they are, with a system prompt that stays the server's (shown on the card).
 */
export function toSamplingModelRequest(params: CreateMessageRequestParams, names: SamplingToolNames, connectorLabel: string, context?: string): SamplingModelRequest {
  const messages = params.messages.flatMap((message): SamplingModelMessage[] => {
    const blocks = blocksOf(message.content);
    return message.role === 'assistant' ? [assistantMessage(blocks, names)] : userMessages(blocks);
  });
  const withContext: SamplingModelMessage[] = context ? [{ role: 'user', parts: [{ type: 'text', text: context }] }, ...messages] : messages;
  const toolChoice = params.toolChoice?.mode ?? 'auto';
  return {
    ...(params.systemPrompt ? { systemPrompt: params.systemPrompt } : {}),
    messages: withContext,
    tools: (params.tools ?? []).map((tool) => definition(tool, names, connectorLabel)),
    toolChoice,
    maxTokens: Math.max(1, Math.min(params.maxTokens, MAX_SAMPLING_TOKENS)),
    ...(params.temperature === undefined ? {} : { temperature: Math.min(2, Math.max(0, params.temperature)) }),
    stopSequences: params.stopSequences ?? [],
  };
}

function definition(tool: Tool, names: SamplingToolNames, connectorLabel: string) {
  const head = `Tool "${tool.name}" offered by the connector "${connectorLabel}" for this request.`;
  return { name: names.toModel(tool.name), description: [head, tool.description ?? ''].filter(Boolean).join('\n'), parameters: adaptInputSchema(tool.inputSchema) };
}

function assistantMessage(blocks: SamplingMessageContentBlock[], names: SamplingToolNames): SamplingModelMessage {
  const text = blocks.map((block) => (block.type === 'text' ? block.text : block.type === 'image' || block.type === 'audio' ? `[${block.type} (${block.mimeType}) the assistant sent earlier, not passed on]` : '')).filter(Boolean);
  const toolCalls = blocks.flatMap((block) => (block.type === 'tool_use' ? [{ callId: block.id, name: names.toModel(block.name), argsText: JSON.stringify(block.input) }] : []));
  return { role: 'assistant', text: text.join('\n'), toolCalls };
}

/** A user turn: its tool results become tool messages (one each), everything else one user message. */
function userMessages(blocks: SamplingMessageContentBlock[]): SamplingModelMessage[] {
  const results = blocks.flatMap((block): SamplingModelMessage[] =>
    block.type === 'tool_result' ? [{ role: 'tool', callId: block.toolUseId, text: toolResultText(block.content, block.structuredContent, block.isError) }] : [],
  );
  if (results.length > 0) return results;
  return [{ role: 'user', parts: blocks.flatMap(inputPart) }];
}

function inputPart(block: SamplingMessageContentBlock): SamplingInputPart[] {
  switch (block.type) {
    case 'text':
      return [{ type: 'text', text: block.text }];
    case 'image':
      return [{ type: 'image', data: block.data, mimeType: block.mimeType }];
    case 'audio': {
      const format = AUDIO_FORMATS[block.mimeType.toLowerCase()];
      if (!format) throw new SamplingRefusedError('unsupported-content', `The model's API takes audio only as wav or mp3, not ${block.mimeType.slice(0, 60)}.`);
      return [{ type: 'audio', data: block.data, format }];
    }
    case 'tool_use':
    case 'tool_result':
      return [];
  }
}

function toolResultText(content: ContentBlock[], structuredContent: Record<string, unknown> | undefined, isError: boolean | undefined): string {
  return modelResultText({ content, ...(structuredContent ? { structuredContent } : {}), ...(isError ? { isError } : {}) }, TOOL_RESULT_BUDGET_BYTES);
}
