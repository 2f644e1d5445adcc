import { useEffect, useRef } from 'react';
import { chatShortcuts } from './chat-shortcuts';
import { isTypingTarget, shortcutFor } from './shortcuts';

/** Where Esc already means "close this": a dialog, the conversation list, a menu of options. */
const OWNS_ESCAPE = 'dialog, .drawer, [role="listbox"], [role="menu"]';

/**
 * The panel's key handler, on the window so it runs after the focused view's own keys (a view
 * that handled a key calls preventDefault, and the shortcut then stays out of its way).
 */
export function usePanelShortcuts({ showChat, openHelp }: { showChat(): void; openHelp(): void }): void {
  const latest = useRef({ showChat, openHelp });
  latest.current = { showChat, openHelp };

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      const shortcut = shortcutFor(event, isTypingTarget(event.target));
      if (shortcut === null) return;
      if (shortcut === 'help') {
        if (document.querySelector('dialog[open]')) return;
        event.preventDefault();
        return latest.current.openHelp();
      }
      if (shortcut === 'stop') {
        if (event.target instanceof Element && event.target.closest(OWNS_ESCAPE)) return;
        if (document.querySelector('dialog[open]')) return;
        if (chatShortcuts.send('stop')) event.preventDefault();
        return;
      }
      event.preventDefault();
      latest.current.showChat();
      chatShortcuts.send(shortcut);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
