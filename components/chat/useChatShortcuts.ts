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
 * the next frame, for a shortcut pressed on another tab while the chat is still being shown; but
 * only where focus has not gone somewhere new meanwhile (a search opened by the next key).
 */
function focusComposer(): boolean {
  const message = () => document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Message"]');
  const before = document.activeElement;
  message()?.focus();
  requestAnimationFrame(() => {
    const now = document.activeElement;
    if (now === before || now === null || now === document.body) message()?.focus();
  });
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
