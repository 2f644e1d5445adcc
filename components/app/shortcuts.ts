/**
 * The panel's keyboard shortcuts: what each does, the keys the help dialog shows, and which key
 * press means which. Chosen not to clash with the browser's own (Ctrl+N, Ctrl+T, Alt+Shift+P …).
 */
export type ShortcutId = 'new-conversation' | 'stop' | 'search-conversations' | 'focus-composer' | 'help';

/** One line of the help dialog. */
export interface ShortcutSpec {
  id: ShortcutId;
  /** Keys as they are pressed together, each shown as a `kbd`; alternatives are separate entries. */
  keys: readonly (readonly string[])[];
  label: string;
}

export const SHORTCUTS: readonly ShortcutSpec[] = [
  { id: 'new-conversation', keys: [['Alt', 'N']], label: 'New conversation' },
  { id: 'search-conversations', keys: [['Ctrl', 'K'], ['⌘', 'K']], label: 'Search conversations' },
  { id: 'focus-composer', keys: [['/'], ['Alt', 'M']], label: 'Focus the message box' },
  { id: 'stop', keys: [['Esc']], label: 'Stop the running answer' },
  { id: 'help', keys: [['?']], label: 'Show these shortcuts' },
];

/** The parts of a `KeyboardEvent` the mapping reads (a plain object in unit tests). */
export interface KeyPress {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/**
 * Which shortcut a key press is, or null. `typing` is true when focus is in a text field: then
 * the bare keys (`/`, `?`) type as usual and only modified keys and Esc act. Alt combinations are
 * read from `code` because macOS turns Alt+N into a dead key.
 */
export function shortcutFor(press: KeyPress, typing: boolean): ShortcutId | null {
  const plain = !press.altKey && !press.ctrlKey && !press.metaKey;
  if (press.altKey && !press.ctrlKey && !press.metaKey && !press.shiftKey) {
    if (press.code === 'KeyN') return 'new-conversation';
    if (press.code === 'KeyM') return 'focus-composer';
    return null;
  }
  if ((press.ctrlKey || press.metaKey) && !press.altKey && !press.shiftKey && press.key.toLowerCase() === 'k') return 'search-conversations';
  if (!plain) return null;
  if (press.key === 'Escape') return 'stop';
  if (typing) return null;
  if (press.key === '/' && !press.shiftKey) return 'focus-composer';
  if (press.key === '?') return 'help';
  return null;
}

/** True when a key press aimed at `target` is text going into a field. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}
