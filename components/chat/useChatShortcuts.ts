import { useEffect, useRef } from 'react';
import { chatShortcuts, type ChatShortcut } from '../app/chat-shortcuts';

/** What the chat does for each shortcut; `stop` is absent while no run is in progress. */
export interface ChatShortcutActions {
  startNew(): void;
  openSearch(): void;
  stop?: () => void;
}

/** The message box, found by its accessible name (the UI contract's **Message**). */
function focusComposer(): boolean {
  const box = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Message"]');
  box?.focus();
  return box !== null;
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
