import fc from 'fast-check';
import { expect } from 'vitest';

interface SafeParser {
  safeParse(value: unknown): { success: boolean; data?: unknown };
}

/**
 * Values that have broken hand-written checks before: wrong types where strings and numbers go,
 * prototype keys as tags and fields, non-finite numbers, huge strings, arrays for objects.
 */
export const hostileLeaf = fc.oneof(
  fc.anything(),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'x'.repeat(100_000)),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, -1, 0.5, 2 ** 53, Number.MAX_VALUE),
  fc.constantFrom(null, undefined, true, [], {}, [1], { length: 1 }),
);

/** A valid value with one field replaced by something hostile, one removed, or extra keys added. */
export function bent(valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<unknown> {
  return fc.oneof(
    valid,
    fc.tuple(valid, fc.nat(), hostileLeaf).map(([value, index, leaf]) => {
      const keys = Object.keys(value);
      return keys.length === 0 ? leaf : { ...value, [keys[index % keys.length]!]: leaf };
    }),
    fc.tuple(valid, fc.nat()).map(([value, index]) => {
      const keys = Object.keys(value);
      const copy = { ...value };
      if (keys.length > 0) delete copy[keys[index % keys.length]!];
      return copy;
    }),
    fc.tuple(valid, fc.dictionary(fc.string(), hostileLeaf)).map(([value, extra]) => ({ ...extra, ...value })),
    // An own `__proto__` key, as JSON.parse and structured clone make it.
    valid.map((value) => ({ ...JSON.parse('{"__proto__": {"polluted": true}}'), ...value })),
    hostileLeaf,
  );
}

/**
 * The hand check and the zod schema agree on `value`: both accept it with equal results, or both
 * refuse it. A hand check must never let through what zod refused, nor lose what zod accepted.
 */
export function expectSameVerdict(hand: SafeParser, zod: SafeParser, value: unknown): void {
  const ours = hand.safeParse(value);
  const theirs = zod.safeParse(value);
  expect(ours.success, `verdict on ${safeJson(value)}`).toBe(theirs.success);
  if (ours.success) expect(ours.data).toEqual(theirs.data);
  if (ours.success && typeof ours.data === 'object' && ours.data !== null) expect(Object.getPrototypeOf(ours.data)).toBe(Object.getPrototypeOf(theirs.data));
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
}

function safeJson(value: unknown): string {
  try {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return String(value);
  }
}
