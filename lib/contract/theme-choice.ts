import { z } from 'zod';
import { THEME_CHOICES } from './theme-storage';

export { THEME_STORAGE_KEY } from './theme-storage';

/**
 * The panel's colour theme as the user chose it in Settings. `system` follows the browser's
 * `prefers-color-scheme`; the other two pin the look regardless of it.
 */
export const ThemeChoiceSchema = z.enum(THEME_CHOICES);
export type ThemeChoice = z.infer<typeof ThemeChoiceSchema>;

/** What the panel actually paints: a choice of `system` resolved against the browser's scheme. */
export type ResolvedTheme = 'light' | 'dark';
