import type { McpUiHostContext } from '@modelcontextprotocol/ext-apps/app-bridge';
import { resolvedTheme } from '../ui/theme';
import { MAX_INLINE_APP_HEIGHT } from './app-requests';

/** What an app is told about where it lives: theme, locale, display mode and the room it has. */
export function hostContext(width: number, fullscreen: boolean): McpUiHostContext {
  return {
    theme: resolvedTheme(),
    locale: navigator.language,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    platform: 'web',
    displayMode: fullscreen ? 'fullscreen' : 'inline',
    availableDisplayModes: ['inline', 'fullscreen'],
    containerDimensions: fullscreen ? { width, height: window.innerHeight } : { width, maxHeight: MAX_INLINE_APP_HEIGHT },
  };
}
