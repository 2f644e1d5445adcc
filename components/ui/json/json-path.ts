/** The path of the whole value, as JSONPath writes it. */
export const JSON_ROOT = '$';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * The JSONPath of a child: `$.content[0].text` for names that read as identifiers and array
 * positions, `$["a key"]` (a JSON string, so quotes and brackets in a server's key stay inside it)
 * for any other name.
 */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** What a collapsed object or array says about itself: `{3 keys}`, `[1 item]`. */
export function containerSummary(value: object): string {
  if (Array.isArray(value)) return `[${value.length} item${value.length === 1 ? '' : 's'}]`;
  const keys = Object.keys(value).length;
  return `{${keys} key${keys === 1 ? '' : 's'}}`;
}

/** A value as the tree shows a leaf: JSON text, strings quoted and cut at `maxChars` (the copy is whole). */
export function leafText(value: unknown, maxChars: number): { text: string; cut: number } {
  const text = value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value));
  return text.length > maxChars ? { text: `${text.slice(0, maxChars)}…`, cut: text.length - maxChars } : { text, cut: 0 };
}

/** The text Copy value puts on the clipboard: a string as itself, anything else as pretty JSON. */
export function copyText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? String(value));
}
