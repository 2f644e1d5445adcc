import type { McpUiHostContext } from '@modelcontextprotocol/ext-apps/app-bridge';
import { MAX_INLINE_APP_HEIGHT } from './app-requests';

/** The panel's theme as the system gives it (theme.css follows `prefers-color-scheme`). */
export function panelTheme(): 'light' | 'dark' {
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** What an app is told about where it lives: theme, locale, display mode and the room it has. */
export function hostContext(width: number, fullscreen: boolean): McpUiHostContext {
  return {
    theme: panelTheme(),
    locale: navigator.language,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    platform: 'web',
    displayMode: fullscreen ? 'fullscreen' : 'inline',
    availableDisplayModes: ['inline', 'fullscreen'],
    containerDimensions: fullscreen ? { width, height: window.innerHeight } : { width, maxHeight: MAX_INLINE_APP_HEIGHT },
  };
}
