import type { KeyboardEvent, ReactNode } from 'react';
import type { AttachedContext } from '@/lib/contract/attached-context';
import { AttachmentChips } from './AttachmentChips';
import { composerDraft, type DraftAttachment } from './composer-draft';
import { useComposerDraft } from './useComposerDraft';

/**
 * The message box: Enter sends, Shift+Enter adds a line. While a run is in progress, Stop takes
 * the place of sending; the draft stays so the user can keep typing. The draft (text and attached
 * context) is `composerDraft`, so other views can add to it; `tools` are buttons that do (such as
 * **Attach page**), shown beside the chips.
 */
export function Composer({
  running,
  disabled,
  onSend,
  onStop,
  onReread,
  tools,
}: {
  running: boolean;
  disabled: boolean;
  onSend(text: string, attachments: AttachedContext[]): Promise<boolean>;
  onStop(): void;
  /** Reads a changed resource again; absent, a changed chip only says so. */
  onReread?(attachment: DraftAttachment): void;
  tools?: ReactNode;
}) {
  const draft = useComposerDraft();
  const canSend = !running && !disabled && draft.text.trim() !== '';

  async function send() {
    if (!canSend) return;
    const taken = composerDraft.take();
    if (!(await onSend(taken.text, taken.attachments.map((item) => item.context)))) composerDraft.restore(taken);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void send();
  }

  return (
    <div className="composer-stack">
      {(tools || draft.attachments.length > 0) && (
        <div className="row wrap">
          {tools}
          <AttachmentChips attachments={draft.attachments} onRemove={(id) => composerDraft.remove(id)} {...(onReread ? { onReread } : {})} />
        </div>
      )}
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
          value={draft.text}
          onChange={(event) => composerDraft.setText(event.target.value)}
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
    </div>
  );
}
