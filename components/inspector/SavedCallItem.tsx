import { useState } from 'react';
import { SAVED_CALL_NAME_MAX, type SavedCallRow } from '@/lib/contract/saved-call';

interface SavedCallItemProps {
  row: SavedCallRow;
  when: string;
  onLoad(): void;
  /** Resolves true once the background renamed it. */
  onRename(name: string): Promise<boolean>;
  onDelete(): void;
}

/** One saved call: its name and when it was saved, Load (fills the form), Rename in place, Delete. */
export function SavedCallItem({ row, when, onLoad, onRename, onDelete }: SavedCallItemProps) {
  const [editing, setEditing] = useState<string | null>(null);

  if (editing !== null) {
    return (
      <li className="saved-call">
        <form
          className="row"
          onSubmit={(event) => {
            event.preventDefault();
            void onRename(editing).then((done) => done && setEditing(null));
          }}
        >
          <input className="input inline grow" aria-label="New name" value={editing} maxLength={SAVED_CALL_NAME_MAX} autoFocus onChange={(event) => setEditing(event.target.value)} onKeyDown={(event) => event.key === 'Escape' && (event.stopPropagation(), event.preventDefault(), setEditing(null))} />
          <button className="btn btn-small btn-primary" type="submit" disabled={editing.trim() === ''}>
            Save
          </button>
          <button className="btn btn-small" type="button" onClick={() => setEditing(null)}>
            Cancel
          </button>
        </form>
      </li>
    );
  }
  return (
    <li className="saved-call" aria-label={row.name}>
      <div className="saved-call-text">
        <span className="saved-call-name">{row.name}</span>
        <span className="small muted">{when}</span>
      </div>
      <div className="row actions">
        <button className="btn btn-small" type="button" onClick={onLoad}>
          Load
        </button>
        <button className="btn btn-small" type="button" onClick={() => setEditing(row.name)}>
          Rename
        </button>
        <button className="btn btn-small btn-danger" type="button" onClick={onDelete}>
          Delete
        </button>
      </div>
    </li>
  );
}
