import type { ShortcutId } from './shortcuts';

/** The shortcuts the chat carries out (the shell handles `help` itself). */
export type ChatShortcut = Exclude<ShortcutId, 'help'>;

/** Carries a shortcut out; returns false when it meant nothing now (Stop with no run). */
type Handler = (shortcut: ChatShortcut) => boolean;

/**
 * From the shell's key handler to the chat. The chat may not be on screen when a shortcut is
 * pressed: the shell selects the Chat tab and the shortcut waits here until the chat subscribes.
 * Stop never waits: it means the run on screen now.
 */
class ChatShortcutChannel {
  private handler: Handler | null = null;
  private waiting: ChatShortcut | null = null;

  /** Hands `shortcut` to the chat; returns whether the chat was there and acted on it. */
  send(shortcut: ChatShortcut): boolean {
    if (this.handler) return this.handler(shortcut);
    this.waiting = shortcut === 'stop' ? null : shortcut;
    return false;
  }

  /** The chat's handler; a shortcut waiting for it runs now. Returns the unsubscribe. */
  subscribe(handler: Handler): () => void {
    this.handler = handler;
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) handler(waiting);
    return () => {
      if (this.handler === handler) this.handler = null;
    };
  }
}

export const chatShortcuts = new ChatShortcutChannel();
