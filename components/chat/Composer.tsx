import { lazy, Suspense, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { AttachedContext } from '@/lib/contract/attached-context';
import { sendCommand } from '@/lib/messaging/command-client';
import { insertRenderedPrompt } from '../context/prompt-insert';
import { AttachmentChips } from './AttachmentChips';
import { composerDraft, type DraftAttachment } from './composer-draft';
import { SlashPromptMenu } from './SlashPromptMenu';
import { useComposerDraft } from './useComposerDraft';
import { useSlashPrompts, type SlashPrompt } from './useSlashPrompts';

const UsePromptDialog = lazy(() => import('../context/UsePromptDialog'));

/**
 * The message box: Enter sends, Shift+Enter adds a line. While a run is in progress, Stop takes
 * the place of sending; the draft stays so the user can keep typing. The draft (text and attached
 * context) is `composerDraft`, so other views can add to it; `tools` are buttons that do (such as
 * **Attach page**), shown beside the chips. Typing `/` lists the prompts of `promptConnectors`:
 * one with arguments opens its **Use** dialog, one without is inserted at once.
 */
export function Composer({
  running,
  disabled,
  onSend,
  onStop,
  onReread,
  tools,
  promptConnectors = [],
  onFailure,
}: {
  running: boolean;
  disabled: boolean;
  onSend(text: string, attachments: AttachedContext[]): Promise<boolean>;
  onStop(): void;
  /** Reads a changed resource again; absent, a changed chip only says so. */
  onReread?(attachment: DraftAttachment): void;
  tools?: ReactNode;
  /** The conversation's connectors, whose prompts `/` lists. */
  promptConnectors?: readonly { id: string; label: string }[];
  /** A prompt picked from `/` could not be rendered: the words for the user. */
  onFailure?(message: string): void;
}) {
  const draft = useComposerDraft();
  const slash = useSlashPrompts(draft.text, promptConnectors);
  const menuId = useId();
  const [using, setUsing] = useState<SlashPrompt | null>(null);
  const canSend = !running && !disabled && draft.text.trim() !== '' && !(slash.open && slash.matches.length > 0);

  function pick(choice: SlashPrompt) {
    composerDraft.setText('');
    if ((choice.prompt.arguments?.length ?? 0) > 0) return setUsing(choice);
    sendCommand('prompts.get', { connectorId: choice.connectorId, name: choice.prompt.name, arguments: {} }).then(insertRenderedPrompt, (error: unknown) =>
      onFailure?.(error instanceof Error ? error.message : String(error)),
    );
  }

  async function send() {
    if (!canSend) return;
    const taken = composerDraft.take();
    if (!(await onSend(taken.text, taken.attachments.map((item) => item.context)))) composerDraft.restore(taken);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (slash.open && slash.matches.length > 0 && menuKey(event)) return;
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void send();
  }

  /** Arrow keys move in the `/` menu, Enter or Tab picks, Escape leaves the slash as text. */
  function menuKey(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
    const count = slash.matches.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') slash.setActive((slash.active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
    else if (event.key === 'Enter' || event.key === 'Tab') pick(slash.matches[slash.active]!);
    else if (event.key === 'Escape') composerDraft.setText(`${draft.text} `);
    else return false;
    event.preventDefault();
    return true;
  }

  return (
    <div className="composer-stack">
      {(tools || draft.attachments.length > 0) && (
        <div className="row wrap">
          {tools}
          <AttachmentChips attachments={draft.attachments} onRemove={(id) => composerDraft.remove(id)} {...(onReread ? { onReread } : {})} />
        </div>
      )}
      {slash.open && <SlashPromptMenu id={menuId} matches={slash.matches} active={slash.active} loading={slash.loading} onPick={pick} />}
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
          aria-controls={slash.open ? menuId : undefined}
          aria-activedescendant={slash.open && slash.matches.length > 0 ? `${menuId}-${slash.active}` : undefined}
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
      {using && (
        <Suspense fallback={null}>
          <UsePromptDialog connectorId={using.connectorId} prompt={using.prompt} onClose={() => setUsing(null)} />
        </Suspense>
      )}
    </div>
  );
}
