import { Readability } from '@mozilla/readability';
import { MAX_PAGE_TEXT_BYTES } from '../contract/page-limits';
import type { PageReading } from '../contract/page-reading';

/** What the reader needs of the tab; `document` and `location` in the page, a parsed page in tests. */
export interface PageSource {
  document: Document;
  url: string;
  /** The user's selection as text (`getSelection().toString()`); empty when nothing is selected. */
  selection: string;
}

/**
 * Reads a page for the model: the selection when there is one (and only it), else the readable
 * text as Mozilla Readability finds it (the article, without navigation, scripts and boilerplate),
 * else the body's text. Readability works on a clone, so the page itself is never changed, and a
 * clone has no browsing context: nothing in it runs or loads.
 */
export function readPage({ document, url, selection }: PageSource): PageReading {
  const title = oneLine(document.title).slice(0, 1024);
  const selected = normaliseText(selection);
  if (selected !== '') return { url, title, selection: true, ...capped(selected) };
  const article = new Readability(document.cloneNode(true) as Document, { charThreshold: 200 }).parse();
  const readable = normaliseText(article?.textContent ?? '');
  const text = readable !== '' ? readable : normaliseText(bodyText(document));
  return { url, title: title || oneLine(article?.title ?? ''), selection: false, ...capped(text) };
}

/** The body's text without scripts, styles and templates: the fallback when Readability finds no article. */
function bodyText(document: Document): string {
  const body = document.body?.cloneNode(true) as HTMLElement | undefined;
  if (!body) return '';
  for (const node of body.querySelectorAll('script, style, noscript, template, nav')) node.remove();
  return body.textContent ?? '';
}

/** Runs of blank space collapsed, paragraphs kept apart by one blank line. */
function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

function capped(text: string): { text: string; sizeBytes: number } {
  const encoder = new TextEncoder();
  const sizeBytes = encoder.encode(text).length;
  if (sizeBytes <= MAX_PAGE_TEXT_BYTES) return { text, sizeBytes };
  const { read } = encoder.encodeInto(text, new Uint8Array(MAX_PAGE_TEXT_BYTES));
  return { text: `${text.slice(0, read)}\n… [cut: the page's text is ${sizeBytes} bytes]`, sizeBytes };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
