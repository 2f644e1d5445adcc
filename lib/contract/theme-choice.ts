import { z } from 'zod';

/**
 * The panel's colour theme as the user chose it in Settings. `system` follows the browser's
 * `prefers-color-scheme`; the other two pin the look regardless of it.
 */
export const ThemeChoiceSchema = z.enum(['system', 'light', 'dark']);
export type ThemeChoice = z.infer<typeof ThemeChoiceSchema>;

/** What the panel actually paints: a choice of `system` resolved against the browser's scheme. */
export type ResolvedTheme = 'light' | 'dark';

/**
 * Where the choice lives: the extension page's localStorage, because it must be readable
 * synchronously before the first paint (a non-secret UI preference; `public/theme-boot.js`
 * reads the same key).
 */
export const THEME_STORAGE_KEY = 'patchbay.theme';
