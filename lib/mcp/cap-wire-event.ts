import type { WireEvent } from './wire-event';

/**
 * The most of one frame the protocol log keeps, in characters of its JSON. A 5 MB tool result is
 * logged as a shortened copy of its shape; the whole result stays with its caller (the
 * conversation, or the hand run's full-result keeper).
 */
export const MAX_LOGGED_FRAME_CHARS = 32 * 1024;
/** Past this depth a frame is summarised, so a hostile deeply nested frame cannot blow the stack. */
const MAX_DEPTH = 32;
/** What a number, boolean or null costs in the budget, roughly its JSON. */
const SCALAR_COST = 8;

/** A wire event as the log stores it, and about how many bytes that is (the writer's budget). */
export interface LoggedEvent {
  event: WireEvent;
  bytes: number;
}

/**
 * The event with its frame cut to fit `budget` characters: long strings are shortened and say
 * their full length, long arrays and objects say how much was left out, and `capped` marks the
 * copy (`sizeBytes` keeps the whole frame's size). Walks at most about `budget` of the frame,
 * never the rest of a giant one. A frame that fits is returned as it is.
 */
export function capWireEvent(event: WireEvent, budget = MAX_LOGGED_FRAME_CHARS): LoggedEvent {
  const walk = { remaining: budget, cut: false };
  const frame = boundedCopy(event.frame, walk, 0);
  const bytes = budget - walk.remaining + 256;
  return walk.cut ? { event: { ...event, frame, capped: true }, bytes } : { event, bytes };
}

function boundedCopy(value: unknown, walk: { remaining: number; cut: boolean }, depth: number): unknown {
  if (typeof value === 'string') return cutString(value, walk);
  if (value === null || typeof value !== 'object') {
    walk.remaining -= SCALAR_COST;
    return value;
  }
  if (depth >= MAX_DEPTH) {
    walk.cut = true;
    return '[nested too deep]';
  }
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    for (const [index, item] of value.entries()) {
      if (walk.remaining <= 0) {
        walk.cut = true;
        copy.push(`[… ${value.length - index} more items]`);
        break;
      }
      copy.push(boundedCopy(item, walk, depth + 1));
    }
    walk.remaining -= 2;
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
    copy[key] = boundedCopy((value as Record<string, unknown>)[key], walk, depth + 1);
  }
  walk.remaining -= 2;
  return copy;
}

function cutString(text: string, walk: { remaining: number; cut: boolean }): string {
  const room = Math.max(0, walk.remaining);
  if (text.length + 2 <= room) {
    walk.remaining -= text.length + 2;
    return text;
  }
  walk.cut = true;
  walk.remaining = 0;
  return `${text.slice(0, room)}… [${text.length.toLocaleString('en-US')} characters in all]`;
}
