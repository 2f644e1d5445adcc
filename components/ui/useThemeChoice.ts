import { useSyncExternalStore } from 'react';
import type { ThemeChoice } from '@/lib/contract/theme-choice';
import { onThemeChange, readThemeChoice, saveThemeChoice } from './theme';

/** The stored theme choice, kept current when it changes here or in another panel, and its setter. */
export function useThemeChoice(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const choice = useSyncExternalStore(onThemeChange, readThemeChoice);
  return [choice, saveThemeChoice];
}
