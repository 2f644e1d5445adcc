import type { AttachedContext } from '@/lib/contract/attached-context';
import { formatBytes } from '@/lib/contract/format-bytes';
import './attachments.css';

/** What a sent message carried as context: name, source and size of each, as text. */
export function SentAttachments({ attachments }: { attachments: readonly AttachedContext[] }) {
  if (attachments.length === 0) return null;
  return (
    <ul className="attached-list attachment-chips" aria-label="Sent with this message">
      {attachments.map((attachment) => (
        <li key={attachment.id} className="attachment-chip" title={attachment.source.kind === 'page' ? attachment.source.url : attachment.source.kind === 'resource' ? attachment.source.uri : attachment.source.promptName}>
          <span className="attachment-chip-name">{attachment.name}</span>
          <span className="attachment-chip-size">{formatBytes(attachment.sizeBytes)}</span>
        </li>
      ))}
    </ul>
  );
}
