import type { AttachedContext, AttachedContextSource } from '../contract/attached-context';
import { formatBytes } from '../contract/format-bytes';
import { fence } from './markdown-fence';

/** Attached text longer than this is cut in the Markdown; the JSON export keeps it whole. */
export const MARKDOWN_ATTACHMENT_LIMIT = 20_000;

/**
 * A message's attachments in the transcript: one heading line each (name, where it came from,
 * type and size), text in a fence it cannot close, bytes only named (a transcript is for reading).
 */
export function attachmentsMarkdown(attachments: readonly AttachedContext[]): string[] {
  return attachments.flatMap((attachment) => {
    const lines = [`**Attached:** ${oneLine(attachment.name)} — ${sourceText(attachment.source)}, ${oneLine(attachment.mimeType)}, ${formatBytes(attachment.sizeBytes)}`];
    if (attachment.text !== undefined) {
      const cut = attachment.text.length > MARKDOWN_ATTACHMENT_LIMIT;
      lines.push(fence(cut ? attachment.text.slice(0, MARKDOWN_ATTACHMENT_LIMIT) : attachment.text, ''));
      if (cut) lines.push(`*Attachment truncated: showing ${MARKDOWN_ATTACHMENT_LIMIT} of ${attachment.text.length} characters.*`);
    } else if (attachment.blob !== undefined) {
      lines.push('*Binary content, kept in the JSON export.*');
    }
    return lines;
  });
}

function sourceText(source: AttachedContextSource): string {
  switch (source.kind) {
    case 'resource':
      return `resource ${oneLine(source.uri)} from connector ${oneLine(source.connectorId)}`;
    case 'prompt':
      return `prompt ${oneLine(source.promptName)} from connector ${oneLine(source.connectorId)}`;
    case 'page':
      return `${source.selection ? 'selection on' : 'page'} ${oneLine(source.url)}`;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
