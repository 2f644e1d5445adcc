/** Deeper than any honest tool input; a model's text can nest far deeper than a stack can walk. */
export const MAX_ARGUMENT_DEPTH = 200;

/**
 * Where a value differs from what the server will receive once it is sent as JSON: numbers JSON
 * cannot carry (`1e999` parses to Infinity, and is sent as `null`), BigInts, holes and `undefined`
 * in arrays, cycles, and nesting too deep to check. An `undefined` property is simply not sent,
 * so it is no problem. One line per place, so a refusal says exactly what to fix.
 */
export function jsonProblems(value: unknown): string[] {
  const problems: string[] = [];
  walk(value, [], new Set(), problems);
  return problems;
}

function walk(value: unknown, path: string[], open: Set<object>, problems: string[]): void {
  const at = path.join('/') || '(arguments)';
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) problems.push(`${at}: ${String(value)} is not a number JSON can carry.`);
      return;
    case 'bigint':
      problems.push(`${at}: ${String(value)}n is a BigInt, which JSON cannot carry.`);
      return;
    case 'symbol':
    case 'function':
      problems.push(`${at}: a ${typeof value} is not a JSON value.`);
      return;
    case 'undefined':
      problems.push(`${at}: undefined is not a JSON value.`);
      return;
    case 'string':
    case 'boolean':
      return;
    case 'object':
      if (value === null) return;
      if (path.length >= MAX_ARGUMENT_DEPTH) {
        problems.push(`${at}: nested deeper than ${MAX_ARGUMENT_DEPTH} levels.`);
        return;
      }
      if (open.has(value)) {
        problems.push(`${at}: refers back to itself; JSON cannot carry a cycle.`);
        return;
      }
      open.add(value);
      if (Array.isArray(value)) {
        for (let index = 0; index < value.length; index += 1) walk(value[index], [...path, String(index)], open, problems);
      } else {
        for (const [key, item] of Object.entries(value)) if (item !== undefined) walk(item, [...path, key], open, problems);
      }
      open.delete(value);
      return;
  }
}
