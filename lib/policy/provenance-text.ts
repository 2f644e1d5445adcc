/**
 * One string value inside a write call's arguments, with where it sits, so the card can point at
 * the field (`$.body`, `$.items[0].title`) whose text came from somewhere else.
 */
export interface ArgumentString {
  path: string;
  text: string;
}

/** Text pulled out of a value, and whether a size or depth bound cut it short. */
export interface ExtractedText<T> {
  value: T;
  limited: boolean;
}

/** Nesting beyond this is not searched: model output and tool results are never legitimately deeper. */
const MAX_DEPTH = 64;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** JSONPath for one step below `parent`: `$.title`, `$.items[0]`, `$["two words"]`. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** Every string value in `args` (object keys excluded), depth-first, at most `maxChars` of text in all. */
export function argumentStrings(args: unknown, maxChars: number): ExtractedText<ArgumentString[]> {
  const found: ArgumentString[] = [];
  let budget = maxChars;
  let limited = false;
  const visit = (value: unknown, path: string, depth: number): void => {
    if (typeof value === 'string') {
      if (value.length > budget) limited = true;
      const text = value.slice(0, Math.max(0, budget));
      budget -= text.length;
      if (text) found.push({ path, text });
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (depth >= MAX_DEPTH) return void (limited = true);
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, childPath(path, index), depth + 1));
    else for (const [key, item] of Object.entries(value)) visit(item, childPath(path, key), depth + 1);
  };
  visit(args, '$', 0);
  return { value: found, limited };
}

/** Base64 payloads (image and audio content, resource blobs): not text anyone would copy into a write. */
const isBinary = (owner: object, key: string): boolean =>
  key === 'blob' || (key === 'data' && 'type' in owner && (owner.type === 'image' || owner.type === 'audio'));
/** Between segments of a haystack, so a match cannot run from one text item into the next. */
export const SEGMENT_SEPARATOR = '\u0000';

/**
 * All the text a tool result put in front of the model, as one string, built once per result:
 * every string value (text items, embedded resources' text, `structuredContent`), plus the string
 * values inside a text item that is itself JSON, because the model copies the unescaped value.
 */
export function resultHaystack(result: unknown, maxChars: number): ExtractedText<string> {
  const segments: string[] = [];
  let length = 0;
  let limited = false;
  const push = (text: string): void => {
    if (length >= maxChars) return void (limited = true);
    const piece = text.slice(0, maxChars - length);
    if (piece.length < text.length) limited = true;
    segments.push(piece);
    length += piece.length + 1;
  };
  const visit = (value: unknown, depth: number): void => {
    if (length >= maxChars) return void (limited = true);
    if (typeof value === 'string') {
      push(value);
      const embedded = parseJsonText(value, maxChars);
      if (embedded !== undefined) visit(embedded, depth + 1);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (depth >= MAX_DEPTH) return void (limited = true);
    if (Array.isArray(value)) for (const item of value) visit(item, depth + 1);
    else for (const [key, item] of Object.entries(value)) if (!isBinary(value, key)) visit(item, depth + 1);
  };
  visit(result, 0);
  return { value: segments.join(SEGMENT_SEPARATOR), limited };
}

/** A text item that holds a JSON object or array, parsed; anything else (or too big) is left alone. */
function parseJsonText(text: string, maxChars: number): unknown {
  if (text.length > maxChars) return undefined;
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The copied span for display: whitespace collapsed, at most 80 characters, never a split surrogate pair. */
export function excerptOf(span: string): string {
  const text = span.replace(/\s+/g, ' ').trim();
  if (text.length <= 80) return text;
  const cut = /[\uD800-\uDBFF]/.test(text[78]!) ? 78 : 79;
  return `${text.slice(0, cut)}…`;
}
