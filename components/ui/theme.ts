import type { ResolvedTheme, ThemeChoice } from '@/lib/contract/theme-choice';
import { isThemeChoice, THEME_STORAGE_KEY } from '@/lib/contract/theme-storage';

/**
 * The one place the panel learns which theme it shows. theme.css paints from the root's
 * `data-theme` (absent: the system's `prefers-color-scheme`); views that need the theme in
 * script (server icons, MCP Apps' host context) read `resolvedTheme()` and follow `onThemeChange`.
 */
const DARK_QUERY = '(prefers-color-scheme: dark)';
const listeners = new Set<() => void>();

/** The stored choice; anything unreadable or unknown is `system`. */
export function readThemeChoice(): ThemeChoice {
  try {
    const stored = window.localStorage.getItem(THEME_STORAGE_KEY);
    return isThemeChoice(stored) ? stored : 'system';
  } catch {
    return 'system';
  }
}

/** Paints `choice`: sets or removes the root's `data-theme`. */
export function applyThemeChoice(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
}

/** Stores, paints and announces a new choice. */
export function saveThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Not stored (storage refused): still applied for this page.
  }
  applyThemeChoice(choice);
  notify();
}

/** The theme on screen now: the choice, or the system's when the choice is `system`. */
export function resolvedTheme(): ResolvedTheme {
  const choice = readThemeChoice();
  if (choice !== 'system') return choice;
  return window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

/** Calls `listener` whenever the theme on screen may have changed; returns the unsubscribe. */
export function onThemeChange(listener: () => void): () => void {
  if (listeners.size === 0) startWatching();
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) stopWatching();
  };
}

function notify(): void {
  for (const listener of [...listeners]) listener();
}

/** Another panel of this extension changed the choice (a `storage` event): paint it here too. */
function onStorage(event: StorageEvent): void {
  if (event.key !== THEME_STORAGE_KEY && event.key !== null) return;
  applyThemeChoice(readThemeChoice());
  notify();
}

let systemQuery: MediaQueryList | null = null;

function startWatching(): void {
  systemQuery ??= window.matchMedia(DARK_QUERY);
  systemQuery.addEventListener('change', notify);
}

function stopWatching(): void {
  systemQuery?.removeEventListener('change', notify);
}

/**
 * Called once at start-up: paints the stored choice (public/theme-boot.js normally did already)
 * and keeps this page in step when another panel of the extension changes it.
 */
export function startThemeSync(): void {
  applyThemeChoice(readThemeChoice());
  window.addEventListener('storage', onStorage);
}
