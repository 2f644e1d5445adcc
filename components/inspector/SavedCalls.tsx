import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { SAVED_CALL_NAME_MAX, SavedCallRowSchema, type SavedCallRow } from '@/lib/contract/saved-call';
import { sendCommand } from '@/lib/messaging/command-client';
import { usePanelServices } from '../app/panel-services';
import { errorText } from '../ui/error-text';
import { SavedCallItem } from './SavedCallItem';

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

interface SavedCallsProps {
  connectorId: string;
  toolName: string;
  /** The form's input as it would be sent, or null when a field is wrong (the form then says which). */
  currentArgs(): Record<string, unknown> | null;
  /** Fills the form with a saved call's input, to edit and run. */
  onLoad(args: Record<string, unknown>): void;
}

/** Hand runs kept by name for this tool: save the form's input, load one back, rename, delete. */
export function SavedCalls({ connectorId, toolName, currentArgs, onLoad }: SavedCallsProps) {
  const { db } = usePanelServices();
  const [name, setName] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const rows = useLiveQuery(
    async () => (await db.savedCalls.where('[connectorId+toolName]').equals([connectorId, toolName]).toArray()).flatMap((row) => {
      const parsed = SavedCallRowSchema.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    }),
    [db, connectorId, toolName],
  );

  async function act(work: () => Promise<unknown>): Promise<boolean> {
    setFailure(null);
    try {
      await work();
      return true;
    } catch (error) {
      setFailure(errorText(error));
      return false;
    }
  }

  async function save() {
    const args = currentArgs();
    if (args === null) return setFailure('Fix the fields above before saving the call.');
    if (await act(() => sendCommand('savedCalls.save', { connectorId, toolName, name, args }))) setName('');
  }

  const sorted = [...(rows ?? [])].sort((a, b) => b.savedAt - a.savedAt);
  return (
    <section className="stack saved-calls" aria-label="Saved calls">
      <h3 className="section-title">Saved calls</h3>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <input className="input grow" aria-label="Call name" placeholder="Name this input" maxLength={SAVED_CALL_NAME_MAX} value={name} onChange={(event) => setName(event.target.value)} />
        <button type="submit" className="btn btn-small" disabled={name.trim() === ''}>
          Save call
        </button>
      </form>
      {failure && (
        <div className="notice" data-tone="error" role="alert">
          {failure}
        </div>
      )}
      {rows !== undefined && sorted.length === 0 && <p className="muted small">No saved calls for {toolName} yet.</p>}
      {sorted.length > 0 && (
        <ul className="saved-call-list">
          {sorted.map((row: SavedCallRow) => (
            <SavedCallItem
              key={row.id}
              row={row}
              when={WHEN.format(row.updatedAt ?? row.savedAt)}
              onLoad={() => onLoad(row.args)}
              onRename={(next) => act(() => sendCommand('savedCalls.rename', { id: row.id, name: next }))}
              onDelete={() => void act(() => sendCommand('savedCalls.delete', { id: row.id }))}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
