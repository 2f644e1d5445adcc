import { boundedCopy } from '../mcp/protocol-log/bounded-copy';
import { formatBytes } from '../contract/format-bytes';

/** Copies kept between steps: a long run re-reads its history at every step, the copies stay. */
const MAX_CACHED_COPIES = 512;
const cache = new Map<string, string>();

/**
 * A stored tool result as the JSON text the model reads, within about `budgetBytes`: content
 * blocks, structured content and the error flag, cut by `boundedCopy` (which walks only what it
 * keeps, so a 5 MB result costs its budget, not 5 MB of serialising). Media too large for the
 * budget is named, not cut into junk. Any stored shape is answered: an imported file may hold
 * anything, and a result that is no tool result says so.
 */
export function modelResultText(result: unknown, budgetBytes: number): string {
  if (!isRecord(result)) return JSON.stringify({ isError: true, error: 'The stored result is not a tool result.' });
  const blocks = Array.isArray(result.content) ? result.content : [];
  // The copy stops long before this many blocks; mapping more would be work thrown away.
  const head = blocks.slice(0, Math.ceil(budgetBytes / 8)).map((block) => nameLargeMedia(block, budgetBytes));
  const content = head.length < blocks.length ? [...head, `[… ${blocks.length - head.length} more blocks]`] : head;
  const shaped = {
    content,
    ...(result.structuredContent !== undefined ? { structuredContent: result.structuredContent } : {}),
    ...(result.isError === true ? { isError: true } : {}),
  };
  return JSON.stringify(boundedCopy(shaped, budgetBytes).value);
}

/**
 * `modelResultText`, computed once per stored result and budget. `key` names the stored part
 * (conversation, message and part ids): tool-result parts are written once and never edited.
 */
export function cachedModelResultText(key: string, result: unknown, budgetBytes: number): string {
  const id = `${key}|${budgetBytes}`;
  const hit = cache.get(id);
  if (hit !== undefined) {
    // Most recently used last: the oldest is the first to go.
    cache.delete(id);
    cache.set(id, hit);
    return hit;
  }
  const text = modelResultText(result, budgetBytes);
  cache.set(id, text);
  if (cache.size > MAX_CACHED_COPIES) cache.delete(cache.keys().next().value!);
  return text;
}

function nameLargeMedia(block: unknown, budgetBytes: number): unknown {
  if (!isRecord(block) || (block.type !== 'image' && block.type !== 'audio') || typeof block.data !== 'string') return block;
  return block.data.length > budgetBytes / 2 ? { type: 'text', text: `[${block.type} of ${formatBytes(block.data.length)} omitted]` } : block;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
