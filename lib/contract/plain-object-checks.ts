import { CheckFailure, isPlainRecord, unknown, type Check, type Checked } from './plain-checks';

/** Checks by field name; a field whose check accepts `undefined` may be absent. */
type Shape = Record<string, Check<unknown>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
/** Fields whose check accepts `undefined`, except `unknown` ones, which zod also types as required. */
type OptionalKeys<S extends Shape> = { [K in keyof S]: unknown extends Checked<S[K]> ? never : undefined extends Checked<S[K]> ? K : never }[keyof S];
/** What {@link object} returns for a shape: its fields checked, the optional ones optional. */
export type ObjectOf<S extends Shape> = Simplify<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Checked<S[K]> } & { [K in OptionalKeys<S>]?: Checked<S[K]> }
>;

function checkFields<S extends Shape>(shape: S, value: Record<string, unknown>, path: readonly (string | number)[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) {
    // zod's `z.unknown()` takes any value but not a missing key.
    if (shape[key] === unknown && !(key in value)) throw new CheckFailure([...path, key], 'missing');
    const checked = shape[key]!(value[key], [...path, key]);
    // An absent optional field stays absent, as zod leaves it.
    if (checked !== undefined || key in value) out[key] = checked;
  }
  return out;
}

/** `z.object(shape)`: the shape's fields, checked, in a new object; any other key is dropped. */
export const object =
  <S extends Shape>(shape: S): Check<ObjectOf<S>> =>
  (value, path = []) => {
    if (!isPlainRecord(value)) throw new CheckFailure(path, 'expected an object');
    return checkFields(shape, value, path) as ObjectOf<S>;
  };

/**
 * `z.looseObject(shape)`: the shape's fields checked, the other own keys kept as they are, except
 * a key named `__proto__`, which zod drops too (it would be the copy's prototype).
 */
export const looseObject =
  <S extends Shape>(shape: S): Check<ObjectOf<S> & Record<string, unknown>> =>
  (value, path = []) => {
    if (!isPlainRecord(value)) throw new CheckFailure(path, 'expected an object');
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) if (key !== '__proto__') out[key] = value[key];
    return Object.assign(out, checkFields(shape, value, path)) as ObjectOf<S> & Record<string, unknown>;
  };

/**
 * `z.discriminatedUnion(key, …)`: the variant named by the value's `key` field (looked up among
 * the variants' own names only, so `constructor` or `__proto__` names none), then its check.
 */
export const taggedUnion =
  <K extends string, V extends Record<string, Check<unknown>>>(key: K, variants: V): Check<Checked<V[keyof V]>> =>
  (value, path = []) => {
    if (!isPlainRecord(value)) throw new CheckFailure(path, 'expected an object');
    const tag = value[key];
    if (typeof tag !== 'string' || !Object.hasOwn(variants, tag)) throw new CheckFailure([...path, key], `unknown ${key}`);
    return variants[tag]!(value, path) as Checked<V[keyof V]>;
  };

/** The literal tag field of a union variant (`z.literal`). */
export const literal =
  <const L extends string>(expected: L): Check<L> =>
  (value, path = []) => {
    if (value !== expected) throw new CheckFailure(path, `expected ${expected}`);
    return expected;
  };

/** A parse result shaped as zod's `safeParse` gives it, so row readers take either. */
export type SafeParsed<T> = { success: true; data: T } | { success: false; error: { issues: { path: (string | number)[]; message: string }[] } };

/** A check with zod's `safeParse` surface (what `parseRow` and `partitionRows` call). */
export function asSchema<T>(check: Check<T>): { safeParse(value: unknown): SafeParsed<T> } {
  return {
    safeParse(value) {
      try {
        return { success: true, data: check(value) };
      } catch (error) {
        if (!(error instanceof CheckFailure)) throw error;
        return { success: false, error: { issues: [{ path: [...error.path], message: error.reason }] } };
      }
    },
  };
}
