import { useState } from 'react';
import { sendCommand } from '@/lib/messaging/command-client';
import { panelSessionId } from '../../app/panel-session';
import { errorText } from '../../ui/error-text';
import './turns.css';

/**
 * The last turn's actions. On the last user message, **Edit** puts its text in an editor and
 * **Resend** replaces that turn and what followed; on the last answer, **Regenerate** asks the
 * model again from the same input. The replaced turn is kept on the conversation (and in its JSON
 * export), and a write call the model makes again waits for approval again.
 */
export function TurnActions({ conversationId, kind, text }: { conversationId: string; kind: 'edit' | 'regenerate'; text: string }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(text);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function act(command: () => Promise<unknown>) {
    setBusy(true);
    setFailure(null);
    try {
      await command();
      setEditing(false);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  const failureNotice = failure && (
    <div className="notice" data-tone="error" role="alert">
      {failure}
    </div>
  );

  if (kind === 'regenerate') {
    return (
      <div className="stack turn-actions">
        <div className="row">
          <button className="btn btn-small" type="button" disabled={busy} onClick={() => void act(() => sendCommand('chat.regenerate', { conversationId, panelSessionId }))}>
            Regenerate
          </button>
        </div>
        {failureNotice}
      </div>
    );
  }
  if (!editing) {
    return (
      <div className="row turn-actions">
        <button className="btn btn-small" type="button" onClick={() => (setDraft(text), setEditing(true))}>
          Edit
        </button>
      </div>
    );
  }
  return (
    <form
      className="turn-editor"
      aria-label="Edit your message"
      onSubmit={(event) => {
        event.preventDefault();
        if (draft.trim()) void act(() => sendCommand('chat.editLast', { conversationId, text: draft, panelSessionId }));
      }}
    >
      <textarea className="input" aria-label="Edited message" value={draft} onChange={(event) => setDraft(event.target.value)} autoFocus />
      <span className="small muted">Resend replaces this message and the answer after it; the old turn stays in the conversation’s JSON export.</span>
      <div className="row">
        <button className="btn btn-primary btn-small" type="submit" disabled={busy || !draft.trim()}>
          Resend
        </button>
        <button className="btn btn-small" type="button" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </div>
      {failureNotice}
    </form>
  );
}
