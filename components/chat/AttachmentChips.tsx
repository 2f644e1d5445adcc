import { formatBytes } from '@/lib/contract/format-bytes';
import type { DraftAttachment } from './composer-draft';
import './attachments.css';

/**
 * The draft's attachments as chips: name and size, a **Remove <name>** button, and for a resource
 * its server said changed, a mark and a **Re-read <name>** button (reading is the caller's).
 */
export function AttachmentChips({
  attachments,
  onRemove,
  onReread,
}: {
  attachments: readonly DraftAttachment[];
  onRemove(id: string): void;
  onReread?(attachment: DraftAttachment): void;
}) {
  if (attachments.length === 0) return null;
  return (
    <ul className="attachment-chips" aria-label="Attached context">
      {attachments.map((item) => {
        const { context } = item;
        return (
          <li key={context.id} className="attachment-chip" data-changed={item.changed} title={titleOf(item)}>
            <span className="attachment-chip-name">{context.name}</span>
            <span className="attachment-chip-size">{formatBytes(context.sizeBytes)}</span>
            {item.changed && <span className="attachment-chip-changed">Changed</span>}
            {item.changed && onReread && (
              <button className="btn btn-link btn-small" type="button" aria-label={`Re-read ${context.name}`} onClick={() => onReread(item)}>
                Re-read
              </button>
            )}
            <button className="btn-icon" type="button" aria-label={`Remove ${context.name}`} onClick={() => onRemove(context.id)}>
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function titleOf({ context, changed }: DraftAttachment): string {
  const where = context.source.kind === 'page' ? context.source.url : context.source.kind === 'resource' ? context.source.uri : context.source.promptName;
  return `${where} · ${context.mimeType}${changed ? ' · changed on the server since it was attached' : ''}`;
}
