import { useState } from 'react';
import type { ExportFormat } from '@/lib/contract/conversation-file';
import type { ConversationListItem } from '@/lib/db/conversation-list';

export interface ConversationItemActions {
  onSelect(): void;
  onRename(title: string): Promise<boolean>;
  onDelete(): void;
  onExport(format: ExportFormat): void;
  /** The conversation with its calls, frames and tool definitions, redacted, as a `patchbay.trace` file. */
  onExportTrace(): void;
}

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** One conversation in the drawer; the selected one shows its actions and renames in place. */
export function ConversationItem({ row, selected, actions }: { row: ConversationListItem; selected: boolean; actions: ConversationItemActions }) {
  const [editing, setEditing] = useState<string | null>(null);
  const title = row.title || 'New conversation';

  async function save() {
    if (editing === null || !editing.trim()) return setEditing(null);
    if (await actions.onRename(editing.trim())) setEditing(null);
  }

  return (
    <li className="conversation-item" data-selected={selected}>
      {editing === null ? (
        <button className="conversation-open" type="button" aria-current={selected || undefined} onClick={actions.onSelect}>
          <span className="conversation-title">{title}</span>
          <span className="small muted">{WHEN.format(row.updatedAt)}</span>
        </button>
      ) : (
        <form
          className="row"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <input
            className="input inline grow"
            aria-label="Title"
            value={editing}
            maxLength={200}
            autoFocus
            onChange={(event) => setEditing(event.target.value)}
            onKeyDown={(event) => event.key === 'Escape' && setEditing(null)}
          />
          <button className="btn btn-small btn-primary" type="submit">Save</button>
          <button className="btn btn-small" type="button" onClick={() => setEditing(null)}>Cancel</button>
        </form>
      )}
      {selected && editing === null && (
        <div className="row actions conversation-actions">
          <button className="btn btn-small" type="button" onClick={() => setEditing(title)}>Rename</button>
          <button className="btn btn-small" type="button" onClick={() => actions.onExport('json')}>Export JSON</button>
          <button className="btn btn-small" type="button" onClick={() => actions.onExport('markdown')}>Export Markdown</button>
          <button className="btn btn-small" type="button" onClick={actions.onExportTrace}>Export trace</button>
          <button className="btn btn-small btn-danger" type="button" onClick={actions.onDelete}>Delete</button>
        </div>
      )}
    </li>
  );
}
