import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { formatBytes } from '../../contract/format-bytes';

/** A copy of a result small enough to show or to send to a model, and how big the whole was. */
export interface CappedResult {
  result: CallToolResult;
  totalBytes: number;
  truncated: boolean;
}

/** How much of a result the panel shows; the full size is stated beside it, the rest downloadable. */
export const DISPLAY_RESULT_BUDGET_BYTES = 256 * 1024;

const encoder = new TextEncoder();

/**
 * Cuts text and binary content so the copy fits `budgetBytes`, stating the full size in the cut
 * text. The original stays untouched: whoever kept it still has every byte.
 */
export function capToolResult(result: CallToolResult, budgetBytes: number): CappedResult {
  const totalBytes = encoder.encode(JSON.stringify(result)).length;
  if (totalBytes <= budgetBytes) return { result, totalBytes, truncated: false };
  let remaining = budgetBytes;
  const content = result.content.map((block) => {
    if (block.type === 'text') {
      // Encodes at most `remaining` bytes, and only whole characters: `read` is where to cut.
      const { read, written } = encoder.encodeInto(block.text, new Uint8Array(Math.max(0, remaining)));
      remaining -= written;
      const text = read < block.text.length ? `${block.text.slice(0, read)}\n… [truncated: the full result is ${formatBytes(totalBytes)}]` : block.text;
      return { ...block, text };
    }
    if ((block.type === 'image' || block.type === 'audio') && block.data.length > remaining) {
      return { type: 'text' as const, text: `[${block.type} of ${formatBytes(block.data.length)} omitted]` };
    }
    if (block.type === 'image' || block.type === 'audio') remaining -= block.data.length;
    return block;
  });
  const structured = result.structuredContent && JSON.stringify(result.structuredContent).length > remaining
    ? { structuredContent: undefined }
    : {};
  return { result: { ...result, content, ...structured }, totalBytes, truncated: true };
}
