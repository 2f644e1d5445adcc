/**
 * The languages the panel highlights, and the names a server or a model may call them by.
 * Kept apart from the grammars so deciding "plain or highlighted" never loads the highlighter.
 */
export type HighlightLanguage = 'json' | 'javascript' | 'typescript' | 'python' | 'bash' | 'sql' | 'xml' | 'css' | 'yaml' | 'markdown';

/** Longer texts are shown plain: highlighting them would stall the panel for little gain. */
export const HIGHLIGHT_MAX_CHARS = 100_000;

const NAMES: Readonly<Record<string, HighlightLanguage>> = {
  json: 'json', jsonc: 'json', json5: 'json',
  javascript: 'javascript', js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascript', ecmascript: 'javascript',
  typescript: 'typescript', ts: 'typescript', tsx: 'typescript', mts: 'typescript', cts: 'typescript',
  python: 'python', py: 'python',
  bash: 'bash', sh: 'bash', shell: 'bash', zsh: 'bash', console: 'bash', shellscript: 'bash',
  sql: 'sql',
  html: 'xml', xhtml: 'xml', xml: 'xml', svg: 'xml',
  css: 'css',
  yaml: 'yaml', yml: 'yaml',
  markdown: 'markdown', md: 'markdown',
};

/** The registered language a name stands for, or null (shown as plain text). */
export function highlightLanguageOf(name: string | null | undefined): HighlightLanguage | null {
  if (!name) return null;
  const key = name.trim().toLowerCase();
  return Object.hasOwn(NAMES, key) ? NAMES[key]! : null;
}
