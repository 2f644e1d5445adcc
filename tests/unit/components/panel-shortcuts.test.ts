import { describe, expect, it } from 'vitest';
import { chatShortcuts, type ChatShortcut } from '@/components/app/chat-shortcuts';
import { SHORTCUTS, shortcutFor, type KeyPress } from '@/components/app/shortcuts';
import { fullMessageTime, shortMessageTime } from '@/components/chat/message-time';

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({ key, code: '', altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...more });

describe('which key press is which shortcut', () => {
  it('maps the listed keys, with Alt read from the physical key (macOS turns Alt+N into a dead key)', () => {
    expect(shortcutFor(press('˜', { altKey: true, code: 'KeyN' }), false)).toBe('new-conversation');
    expect(shortcutFor(press('µ', { altKey: true, code: 'KeyM' }), false)).toBe('focus-composer');
    expect(shortcutFor(press('k', { ctrlKey: true }), false)).toBe('search-conversations');
    expect(shortcutFor(press('K', { metaKey: true }), false)).toBe('search-conversations');
    expect(shortcutFor(press('/'), false)).toBe('focus-composer');
    expect(shortcutFor(press('?', { shiftKey: true }), false)).toBe('help');
    expect(shortcutFor(press('Escape'), false)).toBe('stop');
  });

  it('lets / and ? type into a field, while the modified keys and Esc still act there', () => {
    expect(shortcutFor(press('/'), true)).toBeNull();
    expect(shortcutFor(press('?', { shiftKey: true }), true)).toBeNull();
    expect(shortcutFor(press('n', { altKey: true, code: 'KeyN' }), true)).toBe('new-conversation');
    expect(shortcutFor(press('k', { ctrlKey: true }), true)).toBe('search-conversations');
    expect(shortcutFor(press('Escape'), true)).toBe('stop');
  });

  it('leaves the browser’s own combinations alone', () => {
    expect(shortcutFor(press('n', { ctrlKey: true }), false)).toBeNull();
    expect(shortcutFor(press('P', { altKey: true, shiftKey: true, code: 'KeyP' }), false)).toBeNull();
    expect(shortcutFor(press('k', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
    expect(shortcutFor(press('Escape', { ctrlKey: true }), false)).toBeNull();
    expect(shortcutFor(press('a'), false)).toBeNull();
  });

  it('lists every shortcut once in the help', () => {
    expect(SHORTCUTS.map((shortcut) => shortcut.id).sort()).toEqual(['focus-composer', 'help', 'new-conversation', 'search-conversations', 'stop']);
  });
});

describe('the channel from the shell to the chat', () => {
  it('keeps a shortcut pressed while the chat is not shown until the chat subscribes, but never Stop', () => {
    const seen: ChatShortcut[] = [];
    expect(chatShortcuts.send('stop')).toBe(false);
    expect(chatShortcuts.send('new-conversation')).toBe(false);
    const unsubscribe = chatShortcuts.subscribe((shortcut) => (seen.push(shortcut), true));
    expect(seen).toEqual(['new-conversation']);
    expect(chatShortcuts.send('focus-composer')).toBe(true);
    unsubscribe();
    chatShortcuts.send('stop');
    const again = chatShortcuts.subscribe((shortcut) => (seen.push(shortcut), true));
    again();
    expect(seen).toEqual(['new-conversation', 'focus-composer']);
  });

  it('says when the chat had nothing to do (Stop with no run)', () => {
    const unsubscribe = chatShortcuts.subscribe((shortcut) => shortcut !== 'stop');
    expect(chatShortcuts.send('stop')).toBe(false);
    expect(chatShortcuts.send('search-conversations')).toBe(true);
    unsubscribe();
  });
});

describe('message times', () => {
  const now = new Date(2026, 11, 1, 14, 30).getTime();

  it('shows only the time for today and the day too for another day; the full date in the title', () => {
    const today = shortMessageTime(new Date(2026, 11, 1, 9, 5).getTime(), now);
    const earlier = shortMessageTime(new Date(2026, 10, 28, 9, 5).getTime(), now);
    expect(today).toMatch(/9:05/);
    expect(today).not.toMatch(/Nov|28/);
    expect(earlier).toMatch(/28/);
    expect(earlier).toMatch(/9:05/);
    expect(fullMessageTime(new Date(2026, 10, 28, 9, 5, 7).getTime())).toMatch(/2026/);
  });
});
