import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { formatBytes } from '../../contract/format-bytes';
import { INLINE_IMAGE_TYPES, type ResourceContentView } from '../../contract/resource-view';
import { DISPLAY_RESULT_BUDGET_BYTES } from '../session/cap-result';

/** The most image bytes shown inline; a larger image is offered as a download instead. */
export const MAX_INLINE_IMAGE_BYTES = 2 * 1024 * 1024;
/** The most bytes offered as a download from the panel; beyond this the view only states the size. */
export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

const encoder = new TextEncoder();

/** The bytes a base64 string stands for. */
export function base64Bytes(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((base64.length * 3) / 4) - padding);
}

/** Text cut to `budget` UTF-8 bytes at a whole character, and whether it was cut. */
export function capText(text: string, budget: number): { text: string; truncated: boolean; totalBytes: number } {
  const totalBytes = encoder.encode(text).length;
  if (totalBytes <= budget) return { text, truncated: false, totalBytes };
  const { read } = encoder.encodeInto(text, new Uint8Array(budget));
  return { text: `${text.slice(0, read)}\n… [cut for display: the full text is ${formatBytes(totalBytes)}]`, truncated: true, totalBytes };
}

/**
 * A `resources/read` answer (already parsed with the SDK's schema) for display: text capped with
 * its full size stated, raster images inline, other bytes as a download when not too big.
 */
export function resourceContentsView(result: ReadResourceResult): ResourceContentView[] {
  return result.contents.map((item): ResourceContentView => {
    const mimeType = item.mimeType ?? null;
    if ('text' in item && typeof item.text === 'string') {
      return { kind: 'text', uri: item.uri, mimeType, ...capText(item.text, DISPLAY_RESULT_BUDGET_BYTES) };
    }
    const base64 = 'blob' in item && typeof item.blob === 'string' ? item.blob : '';
    const totalBytes = base64Bytes(base64);
    const image = INLINE_IMAGE_TYPES.find((type) => type === mimeType);
    if (image && totalBytes <= MAX_INLINE_IMAGE_BYTES) return { kind: 'image', uri: item.uri, mimeType: image, base64, totalBytes };
    return { kind: 'blob', uri: item.uri, mimeType, base64: totalBytes <= MAX_DOWNLOAD_BYTES ? base64 : null, totalBytes };
  });
}
