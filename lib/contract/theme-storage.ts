/**
 * The theme choices and where the choice is stored, without zod: the panel reads the choice
 * before its first paint, and the first screen does not load zod (`ThemeChoiceSchema`, in
 * theme-choice.ts, is built from the same list for Settings).
 */
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;

/**
 * Where the choice lives: the extension page's localStorage, because it must be readable
 * synchronously before the first paint (a non-secret UI preference; `public/theme-boot.js`
 * reads the same key).
 */
export const THEME_STORAGE_KEY = 'patchbay.theme';

/** Whether a stored value is one of {@link THEME_CHOICES} (anything else means `system`). */
export function isThemeChoice(value: unknown): value is (typeof THEME_CHOICES)[number] {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}
