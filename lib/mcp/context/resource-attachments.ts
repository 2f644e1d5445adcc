import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import type { AttachedContext, AttachedContextSource } from '../../contract/attached-context';
import { MAX_ATTACHMENT_BYTES } from '../../contract/attachment-limits';
import { formatBytes } from '../../contract/format-bytes';
import { base64Bytes, capText } from './resource-contents-view';

type ResourceItem = ReadResourceResult['contents'][number];

/**
 * Resource contents as attached context: text cut to the attachment limit (the chip still states
 * the full size), bytes within it kept whole, bytes over it refused by name, since a cut image or
 * archive is worth nothing. The id is stable per connector and URI, so a re-read replaces its chip.
 */
export function resourceAttachments(connectorId: string, name: string, result: ReadResourceResult, now = Date.now()): AttachedContext[] {
  return result.contents.map((item, index) => attachmentOf({ kind: 'resource', connectorId, uri: item.uri }, result.contents.length > 1 ? `${name} (${index + 1})` : name, item, now, index));
}

/** One content item (of a resource, or embedded in a prompt) as an attachment from `source`. */
export function attachmentOf(source: AttachedContextSource, name: string, item: ResourceItem, now: number, index = 0): AttachedContext {
  const id = `${source.kind}:${'connectorId' in source ? source.connectorId : ''}:${item.uri}#${index}`;
  const mimeType = item.mimeType ?? 'text/plain';
  const shown = name.trim() === '' ? item.uri : name;
  if ('text' in item && typeof item.text === 'string') {
    const { text, totalBytes } = capText(item.text, MAX_ATTACHMENT_BYTES - 200);
    return { id, name: shown, source, mimeType, text, sizeBytes: totalBytes, attachedAt: now };
  }
  const blob = 'blob' in item && typeof item.blob === 'string' ? item.blob : '';
  if (blob.length > MAX_ATTACHMENT_BYTES) {
    throw new AttachmentTooLargeError(`“${shown}” is ${formatBytes(base64Bytes(blob))} of binary data; an attachment may be at most ${formatBytes(MAX_ATTACHMENT_BYTES)}. Read it instead, and download it from there.`);
  }
  return { id, name: shown, source, mimeType, blob, sizeBytes: base64Bytes(blob), attachedAt: now };
}

/** Bytes too large to attach; the code is the one `chat.send` refuses oversize attachments with. */
export class AttachmentTooLargeError extends Error {
  override readonly name = 'AttachmentTooLargeError';
  readonly code = 'attachments-refused';
}
