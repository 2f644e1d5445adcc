import { useEffect, useRef } from 'react';
import { chatShortcuts, type ChatShortcut } from '../app/chat-shortcuts';

/** What the chat does for each shortcut; `stop` is absent while no run is in progress. */
export interface ChatShortcutActions {
  startNew(): void;
  openSearch(): void;
  stop?: () => void;
}

/**
 * Focuses the message box, found by its accessible name (the UI contract's **Message**). Again at
 * the next frame: a shortcut pressed on another tab arrives while the chat is still being shown.
 */
function focusComposer(): boolean {
  const focus = () => document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Message"]')?.focus();
  focus();
  requestAnimationFrame(focus);
  return true;
}

/** Carries out the panel's chat shortcuts (components/app/shortcuts.ts) while the chat is shown. */
export function useChatShortcuts(actions: ChatShortcutActions): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(
    () =>
      chatShortcuts.subscribe((shortcut: ChatShortcut) => {
        switch (shortcut) {
          case 'new-conversation':
            latest.current.startNew();
            return focusComposer();
          case 'search-conversations':
            latest.current.openSearch();
            return true;
          case 'focus-composer':
            return focusComposer();
          case 'stop':
            if (!latest.current.stop) return false;
            latest.current.stop();
            return true;
        }
      }),
    [],
  );
}
