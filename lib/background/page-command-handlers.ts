import { browser } from 'wxt/browser';
import type { CommandHandlers } from '../messaging/command-router';
import { capturePage, type PageScriptingApi } from '../page/capture-page';

export type PageCommandHandlers = Pick<CommandHandlers, 'page.attach'>;

/** The page commands over the browser's tabs and scripting APIs (a fake in tests). */
export function createPageCommandHandlers(api: PageScriptingApi = browser as unknown as PageScriptingApi): PageCommandHandlers {
  return { 'page.attach': () => capturePage(api) };
}
