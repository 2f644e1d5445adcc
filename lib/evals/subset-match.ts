/**
 * Where `actual` differs from `expected`, read as a subset: every key of an expected object must be
 * there with a matching value (extra keys are fine), arrays and scalars must be equal. Answers one
 * line per difference, naming its path; an empty list is a match.
 */
export function subsetMismatches(expected: unknown, actual: unknown, path = ''): string[] {
  if (isObject(expected)) {
    if (!isObject(actual)) return [`${label(path)}: expected an object, got ${show(actual)}`];
    return Object.entries(expected).flatMap(([key, value]) =>
      key in actual ? subsetMismatches(value, actual[key], path ? `${path}.${key}` : key) : [`${label(path ? `${path}.${key}` : key)}: missing (expected ${show(value)})`],
    );
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return [`${label(path)}: expected ${show(expected)}, got ${show(actual)}`];
    return expected.flatMap((value, index) => subsetMismatches(value, actual[index], `${path}[${index}]`));
  }
  return Object.is(expected, actual) ? [] : [`${label(path)}: expected ${show(expected)}, got ${show(actual)}`];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function label(path: string): string {
  return path || 'arguments';
}

/** A value shown in a mismatch line: JSON, cut to stay readable. */
function show(value: unknown): string {
  const text = value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
