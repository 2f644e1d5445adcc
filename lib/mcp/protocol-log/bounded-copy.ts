/** Past this depth a value is summarised, so a hostile deeply nested one cannot blow the stack. */
const MAX_DEPTH = 32;
/** What a number, boolean or null costs in the budget, roughly its JSON. */
const SCALAR_COST = 8;

/** A copy of a JSON-like value cut to a budget, and whether anything was cut. */
export interface BoundedCopy {
  value: unknown;
  cut: boolean;
  /** About how many characters of JSON the copy takes. */
  used: number;
}

/**
 * Copies `value` within about `budget` characters of JSON: long strings are shortened and say
 * their full length, long arrays and objects say how much was left out. Walks only what it
 * keeps, never the rest of a giant value, so its cost is bounded by the budget, not the input.
 */
export function boundedCopy(value: unknown, budget: number): BoundedCopy {
  const walk = { remaining: budget, cut: false };
  const copy = copyWithin(value, walk, 0);
  return { value: copy, cut: walk.cut, used: budget - walk.remaining };
}

interface Walk {
  remaining: number;
  cut: boolean;
}

function copyWithin(value: unknown, walk: Walk, depth: number): unknown {
  if (typeof value === 'string') return cutString(value, walk);
  if (value === null || typeof value !== 'object') {
    walk.remaining -= SCALAR_COST;
    // What JSON cannot hold (undefined, functions, bigint) is left out, as JSON.stringify would.
    return typeof value === 'number' || typeof value === 'boolean' ? value : null;
  }
  if (depth >= MAX_DEPTH) {
    walk.cut = true;
    return '[nested too deep]';
  }
  walk.remaining -= 2;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    for (const [index, item] of value.entries()) {
      if (walk.remaining <= 0) {
        walk.cut = true;
        copy.push(`[… ${value.length - index} more items]`);
        break;
      }
      copy.push(copyWithin(item, walk, depth + 1));
    }
    return copy;
  }
  const copy: Record<string, unknown> = {};
  const keys = Object.keys(value);
  for (const [index, key] of keys.entries()) {
    if (walk.remaining <= 0) {
      walk.cut = true;
      copy['…'] = `${keys.length - index} more fields`;
      break;
    }
    walk.remaining -= key.length + 4;
    copy[key] = copyWithin((value as Record<string, unknown>)[key], walk, depth + 1);
  }
  return copy;
}

function cutString(text: string, walk: Walk): string {
  const room = Math.max(0, walk.remaining);
  if (text.length + 2 <= room) {
    walk.remaining -= text.length + 2;
    return text;
  }
  walk.cut = true;
  walk.remaining = 0;
  // A slice shares the whole string's memory in V8: the kept head would hold a 50 MB answer alive
  // while the frame waits in the log writer's batch. structuredClone gives it its own.
  return structuredClone(`${text.slice(0, room)}… [truncated: ${text.length.toLocaleString('en-US')} characters in all]`);
}
