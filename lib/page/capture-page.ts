import type { AttachedContext } from '../contract/attached-context';
import { PageReadingSchema } from '../contract/page-reading';
import { redactUrl } from '../mcp/redaction/url-credentials';
import { PageReadError } from './page-read-error';

/** The file WXT builds from `entrypoints/page-reader.ts`. */
export const PAGE_READER_FILE = '/page-reader.js';

/** The slice of the browser API **Attach page** uses: the current tab, and a script injected into it. */
export interface PageScriptingApi {
  tabs: { query(query: { active: true; lastFocusedWindow: true }): Promise<{ id?: number }[]> };
  scripting: { executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<{ result?: unknown }[]> };
}

/**
 * Reads the current tab (see `readPage`) and makes it attached context with source `page`. Access
 * comes from `activeTab`, granted by the toolbar click or shortcut that opened Patchbay on the
 * tab (a click inside Chrome's side panel does not grant it), or from the loopback host
 * permission; Patchbay holds no host permission for other pages. What the page script returns is
 * parsed like any outside input, and credentials in the page's URL are redacted before the model
 * can read it.
 */
export async function capturePage(api: PageScriptingApi, now = Date.now()): Promise<AttachedContext> {
  const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) throw new PageReadError('There is no current tab to read.');
  let injected: { result?: unknown }[];
  try {
    injected = await api.scripting.executeScript({ target: { tabId: tab.id }, files: [PAGE_READER_FILE] });
  } catch (error) {
    throw new PageReadError(`Patchbay may not read this tab: ${error instanceof Error ? error.message : String(error)}. ` +
      'Click Patchbay’s toolbar button (or press Alt+Shift+P) while on the page, then Attach page again; browser pages such as settings cannot be read.');
  }
  const reading = PageReadingSchema.safeParse(injected[0]?.result);
  if (!reading.success) throw new PageReadError('The page gave back nothing readable.');
  const { url, title, selection, text, sizeBytes } = reading.data;
  if (text === '') throw new PageReadError(selection ? 'The selection is empty.' : 'The page has no readable text.');
  const safeUrl = redactUrl(url);
  const label = title || new URL(safeUrl, 'about:blank').host || 'page';
  return {
    id: crypto.randomUUID(),
    name: `${selection ? 'Selection' : 'Page'}: ${label}`.slice(0, 120),
    source: { kind: 'page', url: safeUrl, title, selection },
    mimeType: 'text/plain',
    text,
    sizeBytes,
    attachedAt: now,
  };
}
