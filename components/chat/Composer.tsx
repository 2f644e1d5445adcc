import { useState, type KeyboardEvent } from 'react';

/**
 * The message box: Enter sends, Shift+Enter adds a line. While a run is in progress, Stop takes
 * the place of sending; the draft stays so the user can keep typing.
 */
export function Composer({
  running,
  disabled,
  onSend,
  onStop,
}: {
  running: boolean;
  disabled: boolean;
  onSend(text: string): Promise<boolean>;
  onStop(): void;
}) {
  const [draft, setDraft] = useState('');
  const canSend = !running && !disabled && draft.trim() !== '';

  async function send() {
    if (!canSend) return;
    const text = draft;
    setDraft('');
    if (!(await onSend(text))) setDraft((current) => current || text);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void send();
  }

  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <textarea
        className="input composer-input"
        aria-label="Message"
        placeholder="Ask anything — Enter to send, Shift+Enter for a new line"
        rows={2}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="composer-actions">
        {running && (
          <button className="btn btn-danger" type="button" onClick={onStop}>
            Stop
          </button>
        )}
        <button className="btn btn-primary" type="submit" disabled={!canSend}>
          Send
        </button>
      </div>
    </form>
  );
}
