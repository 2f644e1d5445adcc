import { CreateMessageRequestParamsSchema, type CreateMessageRequestParams, type ModelPreferences, type SamplingMessageContentBlock } from '@modelcontextprotocol/sdk/types.js';
import { formatBytes } from './format-bytes';

/** One block of a server's message as the card shows it: always plain text, never markup. */
export type SamplingBlockView =
  | { kind: 'text'; text: string }
  | { kind: 'media'; text: string }
  | { kind: 'tool-use'; name: string; id: string; input: Record<string, unknown> }
  | { kind: 'tool-result'; toolUseId: string; text: string; isError: boolean };

export interface SamplingMessageView {
  role: 'user' | 'assistant';
  blocks: SamplingBlockView[];
}

/** A stored sampling request's params, parsed again on the panel's side (a stored row is data). */
export function samplingParamsOf(params: Record<string, unknown>): CreateMessageRequestParams | null {
  const parsed = CreateMessageRequestParamsSchema.safeParse(params);
  return parsed.success ? parsed.data : null;
}

/** The server's messages, block by block, for the card. */
export function messageViews(params: CreateMessageRequestParams): SamplingMessageView[] {
  return params.messages.map((message) => ({ role: message.role, blocks: (Array.isArray(message.content) ? message.content : [message.content]).map(blockView) }));
}

function blockView(block: SamplingMessageContentBlock): SamplingBlockView {
  switch (block.type) {
    case 'text':
      return { kind: 'text', text: block.text };
    case 'image':
    case 'audio':
      return { kind: 'media', text: `[${block.type}, ${block.mimeType}, ${formatBytes(Math.floor((block.data.length * 3) / 4))}]` };
    case 'tool_use':
      return { kind: 'tool-use', name: block.name, id: block.id, input: block.input };
    case 'tool_result':
      return { kind: 'tool-result', toolUseId: block.toolUseId, text: block.content.map((item) => (item.type === 'text' ? item.text : `[${item.type}]`)).join('\n'), isError: block.isError === true };
  }
}

/**
 * The server's model preferences in words. They are wishes: Patchbay answers with the model the
 * person configured, whatever a hint names, so the card says so instead of pretending to honour them.
 */
export function preferenceText(preferences: ModelPreferences | undefined): string | null {
  if (!preferences) return null;
  const hints = (preferences.hints ?? []).map((hint) => hint.name).filter((name): name is string => Boolean(name));
  const priorities = (
    [
      ['cost', preferences.costPriority],
      ['speed', preferences.speedPriority],
      ['intelligence', preferences.intelligencePriority],
    ] as const
  ).flatMap(([name, value]) => (value === undefined ? [] : [`${name} ${value}`]));
  const parts = [hints.length > 0 ? `models like ${hints.join(', ')}` : '', priorities.length > 0 ? `priorities: ${priorities.join(', ')}` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : null;
}
