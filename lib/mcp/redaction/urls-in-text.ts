/** Absolute URLs inside free text; stops at whitespace, quotes, brackets and backslashes (JSON escapes). */
export const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`\\]+/gi;

/** What follows `://` in a match of {@link URL_IN_TEXT}: sticky, read from a given index. */
const URL_TAIL = /[^\s"'<>`\\]+/y;

const isLetter = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
const isDigit = (code: number) => code >= 48 && code <= 57;
/** `[a-z0-9+.-]`, case-insensitive: what a scheme is made of after its first letter. */
const isSchemeChar = (code: number) => isLetter(code) || isDigit(code) || code === 43 || code === 46 || code === 45;
/** What `\b` counts as a word character (without the `u` flag: ASCII only). */
const isWordChar = (code: number) => isLetter(code) || isDigit(code) || code === 95;

/**
 * The matches of {@link URL_IN_TEXT} in `text`, in order, found from each `://` instead of by the
 * pattern: the pattern tries a scheme at every word of the text, which costs about a millisecond
 * for a 100-tool list (80 KB, one schema-dialect URL per tool) and ran for every frame the
 * protocol log records; `indexOf` skips to the few places a URL can be. The same matches exactly
 * (a test compares the two on generated text): the leftmost scheme start before each `://` that
 * the pattern accepts, and the same tail.
 */
export function urlsInText(text: string): string[] {
  const found: string[] = [];
  let searchFrom = 0;
  for (let at = text.indexOf('://', searchFrom); at !== -1; at = text.indexOf('://', searchFrom)) {
    const start = schemeStart(text, at);
    URL_TAIL.lastIndex = at + 3;
    const tail = start === -1 ? null : URL_TAIL.exec(text);
    if (start === -1 || tail === null) {
      searchFrom = at + 1;
      continue;
    }
    found.push(text.slice(start, URL_TAIL.lastIndex));
    searchFrom = URL_TAIL.lastIndex;
  }
  return found;
}

/** Where the pattern's `\b[a-z][a-z0-9+.-]*` before the `://` at `at` begins, or -1 if it cannot. */
function schemeStart(text: string, at: number): number {
  let first = at;
  while (first > 0 && isSchemeChar(text.charCodeAt(first - 1))) first -= 1;
  for (let p = first; p < at; p++) {
    if (isLetter(text.charCodeAt(p)) && (p === 0 || !isWordChar(text.charCodeAt(p - 1)))) return p;
  }
  return -1;
}
