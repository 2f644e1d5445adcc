/**
 * Checks of untrusted values written without zod, for what the panel's first screen reads (its
 * port messages, the narrow row views): zod and the work of building its schemas cost the cold
 * open more than everything else of ours. Each check accepts what the zod schema it mirrors
 * accepts and returns a fresh value holding only the keys it knows (as `z.object` strips the
 * others), so a hostile key such as `__proto__` never reaches a view. Each has a unit test that
 * feeds it and its zod schema the same hostile input.
 */

/** Where a value failed and why, in the words a corrupt-row message shows. */
export class CheckFailure extends Error {
  override readonly name = 'CheckFailure';
  constructor(
    readonly path: readonly (string | number)[],
    readonly reason: string,
  ) {
    super(`${path.join('.')}: ${reason}`);
  }
}

/** A check: returns the checked value or throws {@link CheckFailure}. */
export type Check<T> = (value: unknown, path?: readonly (string | number)[]) => T;
/** The type a check returns. */
export type Checked<C> = C extends Check<infer T> ? T : never;

const fail = (path: readonly (string | number)[], reason: string): never => {
  throw new CheckFailure(path, reason);
};

/** What `z.object` takes as an object: not null, not an array. */
export const isPlainRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A string, with zod's `.min()` / `.max()` on its length when given. */
export const string =
  (limits: { min?: number; max?: number } = {}): Check<string> =>
  (value, path = []) => {
    if (typeof value !== 'string') return fail(path, 'expected a string');
    if (limits.min !== undefined && value.length < limits.min) return fail(path, `shorter than ${limits.min}`);
    if (limits.max !== undefined && value.length > limits.max) return fail(path, `longer than ${limits.max}`);
    return value;
  };

/** A finite number (zod's `z.number()` refuses NaN and ±Infinity); `int` asks for a safe integer. */
export const number =
  (rules: { int?: boolean; min?: number; above?: number } = {}): Check<number> =>
  (value, path = []) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return fail(path, 'expected a number');
    if (rules.int && !Number.isSafeInteger(value)) return fail(path, 'expected an integer');
    if (rules.min !== undefined && value < rules.min) return fail(path, `below ${rules.min}`);
    if (rules.above !== undefined && value <= rules.above) return fail(path, `not above ${rules.above}`);
    return value;
  };

/** `true` or `false`, nothing that merely looks like one. */
export const boolean: Check<boolean> = (value, path = []) => (typeof value === 'boolean' ? value : fail(path, 'expected a boolean'));

/** Anything, kept as it is (zod's `z.unknown()`): for a field a later, fuller check reads. */
export const unknown: Check<unknown> = (value) => value;

/** One of a closed set of strings (`z.enum`, or `z.literal` with one). */
export const oneOf =
  <const L extends readonly string[]>(allowed: L): Check<L[number]> =>
  (value, path = []) =>
    typeof value === 'string' && allowed.includes(value) ? (value as L[number]) : fail(path, `expected one of ${allowed.join(', ')}`);

/** An absolute URL as `z.url()` takes it: one `new URL` parses once trimmed, and it gives it trimmed. */
export const url: Check<string> = (value, path = []) => {
  const trimmed = string()(value, path).trim();
  try {
    new URL(trimmed);
    return trimmed;
  } catch {
    return fail(path, 'expected a URL');
  }
};

export const optional =
  <T>(check: Check<T>): Check<T | undefined> =>
  (value, path = []) =>
    value === undefined ? undefined : check(value, path);

export const nullable =
  <T>(check: Check<T>): Check<T | null> =>
  (value, path = []) =>
    value === null ? null : check(value, path);

/** `schema.catch(fallback)`: a value that fails becomes `fallback` instead of failing the whole. */
export const orElse =
  <T, F>(check: Check<T>, fallback: F): Check<T | F> =>
  (value, path = []) => {
    try {
      return check(value, path);
    } catch (error) {
      if (error instanceof CheckFailure) return fallback;
      throw error;
    }
  };

export const array =
  <T>(item: Check<T>): Check<T[]> =>
  (value, path = []) =>
    Array.isArray(value) ? value.map((entry, index) => item(entry, [...path, index])) : fail(path, 'expected an array');

/** String keys to checked values (`z.record(z.string(), …)`); a `__proto__` key is dropped, as zod drops it. */
export const record =
  <T>(entry: Check<T>): Check<Record<string, T>> =>
  (value, path = []) => {
    if (!isPlainRecord(value)) return fail(path, 'expected an object');
    const out: Record<string, T> = {};
    for (const key of Object.keys(value)) {
      const checked = entry(value[key], [...path, key]);
      if (key !== '__proto__') out[key] = checked;
    }
    return out;
  };
