import type { AttachedContext } from './attached-context';
import { formatBytes } from './format-bytes';

/**
 * How much attached context one message may carry. Every attachment reaches the model in full on
 * every later step, so the caps keep a request (and the stored row) bounded: a resource larger
 * than this is cut (text) or refused (bytes) when it is attached, never silently sent whole.
 */
export const MAX_ATTACHMENTS_PER_MESSAGE = 20;
/** One attachment's stored content (text or base64), in bytes. */
export const MAX_ATTACHMENT_BYTES = 512 * 1024;
/** All of one message's attachments together, in bytes. */
export const MAX_ATTACHMENTS_TOTAL_BYTES = 2 * 1024 * 1024;

/** The bytes an attachment's stored content takes (UTF-8 text plus base64 blob). */
export function storedBytesOf(context: Pick<AttachedContext, 'text' | 'blob'>): number {
  return new TextEncoder().encode(context.text ?? '').length + (context.blob?.length ?? 0);
}

/**
 * Why these attachments cannot go with one message, in words for the user, or `null` when they
 * can. Checked by the background on `chat.send` (the panel's draft is not trusted to have done it).
 */
export function attachmentsProblem(attachments: readonly Pick<AttachedContext, 'name' | 'text' | 'blob'>[]): string | null {
  if (attachments.length > MAX_ATTACHMENTS_PER_MESSAGE) {
    return `A message can carry at most ${MAX_ATTACHMENTS_PER_MESSAGE} attachments; this one has ${attachments.length}. Remove some and send again.`;
  }
  let total = 0;
  for (const attachment of attachments) {
    const bytes = storedBytesOf(attachment);
    if (bytes > MAX_ATTACHMENT_BYTES) {
      return `“${attachment.name}” is ${formatBytes(bytes)}; one attachment may be at most ${formatBytes(MAX_ATTACHMENT_BYTES)}. Remove it and send again.`;
    }
    total += bytes;
  }
  if (total > MAX_ATTACHMENTS_TOTAL_BYTES) {
    return `The attachments come to ${formatBytes(total)}; one message may carry at most ${formatBytes(MAX_ATTACHMENTS_TOTAL_BYTES)}. Remove some and send again.`;
  }
  return null;
}
