/**
 * Structural sharing for live query results. A live query reads and parses its rows again at
 * every write, so every row comes back as a new object and every memoized row component renders
 * again, although one row changed (the message being streamed, the connector refreshed). Rows
 * equal in content to the previous read keep the previous object, so `memo` skips them.
 */

/** Deep equality of JSON-like values (what IndexedDB rows hold), stopping at the first difference. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], other[i])) return false;
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) if (!Object.hasOwn(right, key) || !sameValue(left[key], right[key])) return false;
  return true;
}

/**
 * `next` with every row equal to the previous row of the same key replaced by that previous
 * object; the array itself is the previous one when nothing changed at all.
 */
export function reuseUnchanged<T>(previous: readonly T[] | undefined, next: T[], key: (row: T) => string = (row) => (row as { id: string }).id): T[] {
  if (!previous) return next;
  const before = new Map(previous.map((row) => [key(row), row]));
  let changed = next.length !== previous.length;
  const rows = next.map((row, index) => {
    const old = before.get(key(row));
    if (old !== undefined && sameValue(old, row)) {
      if (previous[index] !== old) changed = true;
      return old;
    }
    changed = true;
    return row;
  });
  return changed ? rows : (previous as T[]);
}
