import type { Root } from 'hast';
import { createLowlight } from 'lowlight';
import bash from 'highlight.js/lib/languages/bash';
import css from 'highlight.js/lib/languages/css';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import markdown from 'highlight.js/lib/languages/markdown';
import python from 'highlight.js/lib/languages/python';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import { HIGHLIGHT_MAX_CHARS, type HighlightLanguage } from './highlight-languages';

const GRAMMARS = { bash, css, javascript, json, markdown, python, sql, typescript, xml, yaml } satisfies Record<HighlightLanguage, unknown>;
const lowlight = createLowlight(GRAMMARS);

/** The token tree of a text in a registered language, or null when it is too long or cannot be highlighted. */
export function highlightTree(text: string, language: HighlightLanguage): Root | null {
  if (text.length > HIGHLIGHT_MAX_CHARS) return null;
  try {
    return lowlight.highlight(language, text);
  } catch {
    return null;
  }
}
