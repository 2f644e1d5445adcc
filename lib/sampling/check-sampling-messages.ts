import type { CreateMessageRequestParams, SamplingMessageContentBlock } from '@modelcontextprotocol/sdk/types.js';
import { SamplingRefusedError } from './sampling-errors';

/** The blocks of one message: the spec allows one block or an array. */
export function blocksOf(content: SamplingMessageContentBlock | SamplingMessageContentBlock[]): SamplingMessageContentBlock[] {
  return Array.isArray(content) ? content : [content];
}

/**
 * The spec's rules for tool use in sampling (2025-11-25), checked before anything reaches the
 * card: `tool_use` only from the assistant, `tool_result` only from the user and never mixed with
 * other content, every result answering an earlier `tool_use`, every `tool_use` answered before
 * the next assistant turn, and tool-use ids unique. A request that breaks one is refused whole.
 */
export function checkSamplingMessages(params: Pick<CreateMessageRequestParams, 'messages' | 'tools' | 'toolChoice'>): void {
  const problems: string[] = [];
  const asked = new Set<string>();
  let open = new Set<string>();
  params.messages.forEach((message, index) => {
    const blocks = blocksOf(message.content);
    const where = `message ${index + 1}`;
    if (message.role === 'assistant' && open.size > 0) {
      problems.push(`${where}: tool_use ${[...open].map((id) => `“${id}”`).join(', ')} got no tool_result before it`);
      open = new Set();
    }
    const results = blocks.filter((block) => block.type === 'tool_result');
    if (results.length > 0 && results.length < blocks.length) problems.push(`${where} mixes tool results with other content`);
    for (const block of blocks) {
      if (block.type === 'tool_use') {
        if (message.role !== 'assistant') problems.push(`${where}: tool_use is only allowed from the assistant`);
        if (asked.has(block.id)) problems.push(`${where}: the tool_use id “${block.id}” is used twice`);
        asked.add(block.id);
        open.add(block.id);
      } else if (block.type === 'tool_result') {
        if (message.role !== 'user') problems.push(`${where}: tool_result is only allowed from the user`);
        if (!open.delete(block.toolUseId)) problems.push(`${where}: tool_result answers no open tool_use “${block.toolUseId}”`);
      }
    }
  });
  if (params.toolChoice?.mode === 'required' && (params.tools ?? []).length === 0) problems.push('toolChoice is “required” but no tools were given');
  const names = (params.tools ?? []).map((tool) => tool.name);
  const twice = names.filter((name, index) => names.indexOf(name) !== index);
  if (twice.length > 0) problems.push(`the tool ${twice.map((name) => `“${name}”`).join(', ')} is given twice`);
  if (problems.length > 0) {
    throw new SamplingRefusedError('invalid-request', `Patchbay refused the sampling request: ${problems.slice(0, 5).join('; ')}.`);
  }
}
